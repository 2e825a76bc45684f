//! Tracked sharing on the server: short codes and UTM targets, telling
//! people from bots, the in-memory link cache, and the click queue whose
//! writer stores clicks in batches.

pub mod bots;
pub mod cache;
pub mod clicks;
pub mod links;
