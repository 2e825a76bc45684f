// `sqlx::migrate!` embeds migrations/ at compile time: a new migration
// alone must rebuild the server, or it would start without it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
