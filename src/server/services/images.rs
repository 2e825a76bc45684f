//! Post images: checked by their first bytes (not by what the browser
//! claims), limited in size, stored in the database so every app instance
//! serves them.

use crate::model::{AppError, CurrentUser, ErrorCode, ImageId, IMAGE_MAX_BYTES};
use crate::server::db::NewImage;
use crate::server::state::AppState;
use chrono::Utc;
use sha2::{Digest, Sha256};

/// The image type from its signature; `None` for anything else (SVG
/// included: it can carry scripts).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some("image/gif"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        _ => None,
    }
}

pub async fn save(
    state: &AppState,
    user: &CurrentUser,
    bytes: Vec<u8>,
) -> Result<ImageId, AppError> {
    if bytes.len() > IMAGE_MAX_BYTES {
        return Err(too_large());
    }
    let content_type =
        sniff(&bytes).ok_or_else(|| AppError::field("image", ErrorCode::ImageType))?;
    let image = NewImage {
        content_type: content_type.to_string(),
        sha256: hex::encode(Sha256::digest(&bytes)),
        bytes,
        uploaded_by: user.id,
        now: Utc::now(),
    };
    Ok(state.db.save_image(&image).await?)
}

pub fn too_large() -> AppError {
    AppError::field(
        "image",
        ErrorCode::ImageTooLarge {
            max_mb: (IMAGE_MAX_BYTES / (1024 * 1024)) as u32,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_by_their_signature() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0rest"), Some("image/jpeg"));
        assert_eq!(sniff(b"GIF89a..."), Some("image/gif"));
        assert_eq!(sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 "), Some("image/webp"));
        assert_eq!(
            sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"),
            None
        );
        assert_eq!(sniff(b"<html>"), None);
        assert_eq!(sniff(b""), None);
    }
}
