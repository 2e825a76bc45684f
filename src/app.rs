//! The HTML shell, the root component and the routes.

use crate::components::crisis::CrisisResource;
use crate::components::{Layout, NotFound, UserResource};
use crate::i18n::{initial_lang, I18n};
use crate::pages::{
    analytics::AnalyticsPage,
    audit::AuditPage,
    crisis::CrisisPage,
    home::HomePage,
    invite::InvitePage,
    leaderboard::LeaderboardPage,
    learn::{CertificatePage, CoursePage, LearnPage, LessonPage, QuizPage, VerifyPage},
    my_data::MyDataPage,
    my_team::MyTeamPage,
    people::PeoplePage,
    post::PostPage,
    profile::ProfilePage,
    reach::ReachPage,
    settings::SettingsPage,
    sign_in::SignInPage,
    studio::{EditPostPage, NewPostPage, StudioPage},
    suggest::SuggestPage,
    teams::TeamsPage,
    training::{EditCoursePage, NewCoursePage, ReportsPage, TrainingPage},
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use leptos_router::SsrMode;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = initial_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0f4c5c"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    I18n::provide(initial_lang());
    UserResource::provide();
    CrisisResource::provide();

    view! {
        <Stylesheet id="leptos" href="/pkg/portavoz.css"/>
        <Title formatter=|title: String| if title.is_empty() { "Portavoz".to_string() } else { format!("{title} · Portavoz") }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/sign-in") view=SignInPage/>
                    // Async: these pages answer 404 when the data is not theirs to see,
                    // and the status must be known before the first byte is sent.
                    <Route path=path!("/invite/:token") view=InvitePage ssr=SsrMode::Async/>
                    <Route path=path!("/profile") view=ProfilePage/>
                    <Route path=path!("/team") view=MyTeamPage/>
                    <Route path=path!("/admin/people") view=PeoplePage/>
                    <Route path=path!("/admin/teams") view=TeamsPage/>
                    <Route path=path!("/admin/settings") view=SettingsPage/>
                    <Route path=path!("/posts/:id") view=PostPage ssr=SsrMode::Async/>
                    <Route path=path!("/suggest") view=SuggestPage/>
                    <Route path=path!("/reach") view=ReachPage/>
                    <Route path=path!("/leaderboard") view=LeaderboardPage/>
                    <Route path=path!("/analytics") view=AnalyticsPage/>
                    <Route path=path!("/my-data") view=MyDataPage/>
                    <Route path=path!("/studio") view=StudioPage/>
                    <Route path=path!("/studio/new") view=NewPostPage/>
                    <Route path=path!("/studio/posts/:id") view=EditPostPage ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view=AuditPage/>
                    <Route path=path!("/crisis") view=CrisisPage/>
                    <Route path=path!("/learn") view=LearnPage/>
                    <Route path=path!("/learn/certificates/:code") view=CertificatePage ssr=SsrMode::Async/>
                    <Route path=path!("/learn/:id") view=CoursePage ssr=SsrMode::Async/>
                    <Route path=path!("/learn/:id/lesson/:item") view=LessonPage ssr=SsrMode::Async/>
                    <Route path=path!("/learn/:id/quiz/:item") view=QuizPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify/:code") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/training") view=TrainingPage/>
                    <Route path=path!("/training/new") view=NewCoursePage/>
                    <Route path=path!("/training/courses/:id") view=EditCoursePage ssr=SsrMode::Async/>
                    <Route path=path!("/training/reports") view=ReportsPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
