use super::Texts;
use crate::model::{PersonStatus, Phase, PostStatus, Role, Step};

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

fn preview_phase(phase: &str) -> String {
    format!("Preview: this post is {phase}. Ambassadors see it only while it is live and targeted at them.")
}
fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Draft => "Draft",
        Phase::InReview => "In review",
        Phase::Scheduled => "Scheduled",
        Phase::Live => "Live",
        Phase::Expired => "Expired",
        Phase::Retracted => "Retracted",
    }
}
fn status_name_post(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Draft => "Draft",
        PostStatus::InReview => "In review",
        PostStatus::Approved => "Approved",
        PostStatus::Retracted => "Retracted",
    }
}
fn disclosure_note(d: &str) -> String {
    format!("Every share ends with “{d}”, so people know you work here.")
}
fn studio_tab(key: &str) -> &'static str {
    match key {
        "todo" => "To do",
        "scheduled" => "Scheduled",
        "live" => "Live",
        _ => "Expired & retracted",
    }
}
fn suggested_by(name: &str) -> String {
    format!("Suggested by {name}")
}
fn supply_aria(value: f64, target: f64) -> String {
    format!("{value:.1} live posts per 100 ambassadors this week; the goal is {target:.1}")
}
fn supply_detail(live: i64, ambassadors: i64, target: f64) -> String {
    format!("{live} posts went live in the last 7 days for {ambassadors} active ambassadors. Rule of thumb: {target:.1} per 100.")
}
fn network_limit(n: usize) -> String {
    format!("up to {n} characters")
}
fn chars_left(n: i64) -> String {
    if n >= 0 {
        format!("{n} left")
    } else {
        format!("{} too many", -n)
    }
}
fn step_name(s: Step) -> &'static str {
    match s {
        Step::Edit => "Save",
        Step::Submit => "Submit for review",
        Step::Withdraw => "Back to draft",
        Step::Approve => "Approve",
        Step::Reject => "Send back",
        Step::Retract => "Retract",
    }
}
fn action_name(a: &str) -> String {
    match a {
        "post.created" => "created the post",
        "post.edited" => "edited",
        "post.submitted" => "submitted for review",
        "post.withdrawn" => "took it back to draft",
        "post.approved" => "approved",
        "post.rejected" => "sent it back",
        "post.retracted" => "retracted",
        "post.suggested" => "suggested it",
        "person.invited" => "invited",
        "person.updated" => "changed a person",
        "person.deactivated" => "deactivated",
        "person.reactivated" => "reactivated",
        "person.password_changed" => "changed their password",
        "invitation.accepted" => "accepted the invitation",
        "invitation.issued" => "issued an invitation link",
        "crisis.on" => "switched crisis mode on",
        "crisis.off" => "switched crisis mode off",
        "team.created" => "created a team",
        "location.created" => "created a location",
        other => return other.to_string(),
    }
    .to_string()
}
fn subject_name(s: &str) -> &'static str {
    match s {
        "post" => "Posts",
        "person" => "People",
        "team" => "Teams",
        "location" => "Locations",
        _ => "Settings",
    }
}

pub static EN: Texts = Texts {
    sharing: &super::sharing::EN,
    analytics: &super::analytics::EN,
    boards: &super::boards::EN,
    training: &super::training::EN,
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

    nav_studio: "Studio",
    nav_audit: "Audit trail",
    nav_crisis: "Crisis mode",
    nav_settings: "Settings",
    crisis_banner_title: "Sharing is paused.",
    crisis_procedure: "What to do",
    feed_intro: "Approved posts for you to share. Important ones first.",
    feed_paused: "Sharing is paused for everyone right now (crisis mode). Please do not share anything about the company until it is lifted.",
    topics: "Topics",
    search_posts: "Search posts",
    feed_no_match: "No posts match. Try another topic or word.",
    feed_empty: "Nothing to share right now. New posts appear here as soon as they are approved.",
    suggest_link: "Suggest a link",
    important: "Important",
    open_to_share: "Open to share",
    post_unavailable: "This post is not available",
    preview_phase,
    phase_name,
    suggested_captions: "Suggested words",
    disclosure_note,
    suggest_title: "Suggest a link",
    suggest_intro: "Seen something the company should share? Send it to the comms team: they review it, write the words and publish it.",
    link_to_share: "Link to share",
    note_for_editors: "A note for the comms team (optional)",
    suggestion_sent: "Thank you! The comms team has your suggestion.",
    send_suggestion: "Send suggestion",
    studio_title: "Studio",
    studio_intro: "Write posts, review them, and keep the content flowing.",
    new_post: "New post",
    edit_post: "Edit post",
    studio_tab,
    studio_empty: "Nothing here.",
    title: "Title",
    author: "Author",
    publish_at: "Publish at",
    expire_at: "Expire at",
    suggested_by,
    supply_title: "Content supply",
    supply_unit: "live posts per 100 ambassadors (7 days)",
    supply_aria,
    supply_detail,
    supply_low: "Below the rule of thumb: ambassadors may run out of things to share.",
    schedule_title: "Coming up",
    schedule_empty: "Nothing scheduled, nothing expiring soon.",
    goes_live: "goes live",
    expires: "expires",
    network_limit,
    add_variant: "+ variant",
    caption: "caption",
    chars_left,
    linkedin_fold: "LinkedIn shows the first 210 characters before “…see more”.",
    remove: "Remove",
    approval: "Approval",
    last_comment: "Last comment",
    comment_label: "Comment (needed to send back or retract)",
    step_name,
    history: "History",
    action_name,
    status_name_post,
    body: "Text",
    markdown_hint: "Markdown: **bold**, *italics*, [links](https://…), lists.",
    image: "Image",
    image_hint: "PNG, JPEG, WebP or GIF, up to 5 MB.",
    topics_placeholder: "Comma-separated, e.g. Careers, Sustainability",
    disclosure: "Disclosure",
    disclosure_hint: "Always added at the end of what ambassadors share, e.g. #empleado.",
    captions_editable: "Ambassadors may edit the caption",
    audience: "Who sees it",
    audience_everyone: "Everyone. Tick teams, locations or languages to narrow it down.",
    audience_some: "Only people matching every ticked group.",
    mark_important: "Important: show it first",
    sharing_window: "Sharing window",
    publish_at_hint: "Empty: as soon as it is approved.",
    saved_back_to_review: "Saved. It went back to review.",
    edit_sends_to_review: "Saving sends an approved post back to review.",
    as_ambassadors_see_it: "As ambassadors see it",
    preview_text: "Preview the text",
    audit_title: "Audit trail",
    audit_intro: "Every change to posts, people and settings: who, when, what.",
    audit_subject: "Subject",
    subject_name,
    audit_action: "Action",
    audit_empty: "No entries match.",
    when: "When",
    who: "Who",
    details: "Details",
    crisis_title: "Crisis mode",
    crisis_intro: "One switch pauses all sharing at once and shows your message on every page.",
    crisis_is_on: "Crisis mode is ON",
    crisis_is_off: "Crisis mode is off",
    since: "Since",
    crisis_message: "Message everyone sees",
    crisis_switch_on: "Pause all sharing",
    crisis_switch_off: "Resume sharing",
    settings_title: "Settings",
    default_disclosure: "Default disclosure for new posts",
    allow_self_approval: "Let approvers approve posts they wrote themselves",

    role_name,
    role_blurb,
    status_name,
    date,
};
