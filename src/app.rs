//! The HTML shell, the root component and the routes.

use crate::components::{Layout, NotFound, UserResource};
use crate::i18n::{initial_lang, I18n};
use crate::pages::{
    home::HomePage, invite::InvitePage, my_team::MyTeamPage, people::PeoplePage,
    profile::ProfilePage, sign_in::SignInPage, teams::TeamsPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

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

    view! {
        <Stylesheet id="leptos" href="/pkg/portavoz.css"/>
        <Title formatter=|title: String| if title.is_empty() { "Portavoz".to_string() } else { format!("{title} · Portavoz") }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/sign-in") view=SignInPage/>
                    <Route path=path!("/invite/:token") view=InvitePage/>
                    <Route path=path!("/profile") view=ProfilePage/>
                    <Route path=path!("/team") view=MyTeamPage/>
                    <Route path=path!("/admin/people") view=PeoplePage/>
                    <Route path=path!("/admin/teams") view=TeamsPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
