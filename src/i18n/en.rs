use super::Texts;
use crate::model::{PersonStatus, Role};

fn hello(name: &str) -> String {
    format!("Hello, {name}")
}
fn invite_intro(email: &str) -> String {
    format!("You were invited as {email}. Choose how your name is shown and a password, and you are in.")
}
fn invitation_ready(email: &str) -> String {
    format!("Invitation for {email} is ready. Send them this link:")
}
fn invitation_valid_until(date: &str) -> String {
    format!("Works once, until {date}.")
}
fn confirm_deactivate(name: &str) -> String {
    format!("Deactivate {name}? They are signed out everywhere at once and cannot sign in until reactivated.")
}
fn people_count(n: usize) -> String {
    match n {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    }
}
fn edit_person(name: &str) -> String {
    format!("Edit {name}")
}
fn role_name(r: Role) -> &'static str {
    match r {
        Role::Admin => "Admin",
        Role::Editor => "Editor",
        Role::Approver => "Approver",
        Role::Trainer => "Trainer",
        Role::Manager => "Manager",
        Role::Ambassador => "Ambassador",
    }
}
fn role_blurb(r: Role) -> &'static str {
    match r {
        Role::Admin => "Invites people, sets roles and teams, and keeps the platform safe.",
        Role::Editor => "Writes the posts ambassadors share, with captions for each network.",
        Role::Approver => {
            "Reviews posts before they go live, and can pause all sharing in a crisis."
        }
        Role::Trainer => "Publishes courses so people learn to speak for the company.",
        Role::Manager => "Follows how their teams share and learn.",
        Role::Ambassador => "Shares approved content and learns to speak for the company.",
    }
}
fn status_name(s: PersonStatus) -> &'static str {
    match s {
        PersonStatus::Invited => "Invited",
        PersonStatus::Active => "Active",
        PersonStatus::Deactivated => "Deactivated",
    }
}
fn date(d: &chrono::DateTime<chrono::Utc>) -> String {
    d.format("%b %-d, %Y").to_string()
}

pub static EN: Texts = Texts {
    app_name: "Portavoz",
    tagline: "Your people, your best voice.",
    skip_to_content: "Skip to content",
    nav_home: "Home",
    nav_profile: "My profile",
    nav_people: "People",
    nav_teams: "Teams & locations",
    nav_my_team: "My team",
    nav_menu: "Menu",
    sign_out: "Sign out",
    language: "Language",
    loading: "Loading…",
    save: "Save",
    saving: "Saving…",
    saved: "Saved",
    cancel: "Cancel",
    close: "Close",
    edit: "Edit",
    never: "Never",
    none: "None",
    search: "Search",
    all: "All",
    copy: "Copy",
    copied: "Copied!",

    sign_in_title: "Sign in",
    sign_in_intro: "Share what your company is proud of, and see how far it goes.",
    email: "E-mail",
    password: "Password",
    sign_in: "Sign in",
    signing_in: "Signing in…",
    demo_hint: "Demo: ana@example.com / portavoz-demo",

    hello,
    home_intro: "Here is what you can do in Portavoz.",
    your_roles: "Your roles",
    coming_next: "More is on its way: the content feed, courses, tracked sharing and leaderboards.",

    invite_title: "Welcome to Portavoz",
    invite_intro,
    invite_invalid: "This invitation link is not valid any more: it was used, replaced by a newer one, or it expired. Ask your admin for a new link.",
    your_name: "Your name",
    new_password: "New password",
    confirm_password: "Repeat the password",
    password_hint: "At least 8 characters. A short sentence is easy to remember and hard to guess.",
    create_account: "Create my account",

    profile_title: "My profile",
    profile_details: "My details",
    team: "Team",
    location: "Location",
    roles: "Roles",
    change_password: "Change password",
    current_password: "Current password",
    password_changed: "Password changed. Your other sessions were signed out.",

    people_title: "People",
    people_intro: "Invite employees, give them roles and teams, and offboard them safely.",
    invite_someone: "Invite someone",
    send_invitation: "Create invitation",
    invitation_ready,
    invitation_valid_until,
    name: "Name",
    status: "Status",
    last_sign_in: "Last sign-in",
    actions: "Actions",
    deactivate: "Deactivate",
    reactivate: "Reactivate",
    new_link: "New invitation link",
    confirm_deactivate,
    no_one_matches: "No one matches these filters.",
    people_count,
    preferred_language: "Preferred language",
    manages_teams: "Manages teams",
    edit_person,
    no_team: "No team",
    no_location: "No location",

    teams_title: "Teams & locations",
    teams_intro: "Posts and courses can be targeted at teams and locations; managers see the teams they manage.",
    teams: "Teams",
    locations: "Locations",
    new_team: "New team",
    new_location: "New location",
    add: "Add",
    members: "Members",
    managers: "Managers",
    no_teams_yet: "No teams yet. Add the first one.",
    no_locations_yet: "No locations yet. Add the first one.",

    my_team_title: "My team",
    my_team_intro: "The people in the teams you manage.",
    my_team_empty: "Your teams have no members yet.",

    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address. It may have moved, or the link may be mistyped.",
    forbidden_title: "Not available for your role",
    forbidden_body: "This page is for other roles. If you need it, ask an admin.",
    back_home: "Back to the start",

    role_name,
    role_blurb,
    status_name,
    date,
};
