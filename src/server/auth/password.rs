//! Password hashing: argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane),
//! on the blocking pool, behind a semaphore sized to the CPU cores so that a
//! flood of sign-ins queues briefly and then gets a fast "busy" answer
//! instead of exhausting memory and CPU.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher as _, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordVerifier, Version};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("too many password checks at once")]
    Busy,
    #[error("password hashing failed: {0}")]
    Failed(String),
}

fn argon2() -> Argon2<'static> {
    // OWASP Password Storage Cheat Sheet: m=19456 KiB, t=2, p=1.
    let params = Params::new(19_456, 2, 1, None).expect("static argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a random password, verified against when the e-mail is unknown
/// so that the answer takes as long as for a real account.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(b"portavoz-dummy-password-never-matches", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    queue_wait: Duration,
}

impl Hasher {
    pub fn new(concurrency: usize) -> Self {
        Hasher {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            queue_wait: Duration::from_secs(2),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let permit = tokio::time::timeout(self.queue_wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| HashError::Busy)?
            .map_err(|_| HashError::Busy)?;
        let out = tokio::task::spawn_blocking(move || {
            let out = job();
            drop(permit);
            out
        })
        .await
        .map_err(|e| HashError::Failed(e.to_string()))?;
        Ok(out)
    }

    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_string();
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| HashError::Failed(e.to_string()))
        })
        .await?
    }

    /// Checks `password` against `stored`; with no stored hash (unknown
    /// person, or one who never set a password) it still does the work.
    pub async fn verify(&self, password: &str, stored: Option<String>) -> Result<bool, HashError> {
        let password = password.to_string();
        self.run(move || {
            let has_real_hash = stored.is_some();
            let stored = stored.unwrap_or_else(|| dummy_hash().to_string());
            let ok = PasswordHash::new(&stored)
                .map(|parsed| {
                    argon2()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false);
            ok && has_real_hash
        })
        .await
    }

    /// Computes the dummy hash now rather than on the first unknown e-mail.
    pub async fn warm_up(&self) {
        let _ = self.run(|| dummy_hash().len()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_wrong_passwords_do_not() {
        let h = Hasher::new(2);
        let hash = h.hash("correct horse battery").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(h
            .verify("correct horse battery", Some(hash.clone()))
            .await
            .unwrap());
        assert!(!h.verify("wrong horse battery", Some(hash)).await.unwrap());
        assert!(!h.verify("anything", None).await.unwrap());
        assert!(!h.verify("x", Some("not a hash".into())).await.unwrap());
    }

    #[tokio::test]
    async fn a_full_queue_answers_busy() {
        let h = Hasher {
            permits: Arc::new(Semaphore::new(1)),
            queue_wait: Duration::from_millis(10),
        };
        let held = h.permits.clone().acquire_owned().await.unwrap();
        assert!(matches!(h.hash("whatever123").await, Err(HashError::Busy)));
        drop(held);
        assert!(h.hash("whatever123").await.is_ok());
    }
}
