//! The one error type every server function returns.
//!
//! It crosses the wire, so it carries codes, never text from the database or
//! the server's internals: the browser turns a code into a sentence in the
//! reader's language (`i18n`), and the server logs the details it hides.

use super::workflow::WorkflowError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed for your role")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("wrong e-mail or password")]
    BadCredentials,
    #[error("changed by someone else in the meantime")]
    Conflict,
    #[error("too many attempts, retry in {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("the server is busy")]
    Busy,
    #[error("the request could not be read")]
    BadRequest,
    #[error("the server could not be reached")]
    Network,
    #[error("something went wrong on our side")]
    Internal,
    #[error("workflow: {0}")]
    Workflow(WorkflowError),
    /// Crisis mode is on: sharing is paused for everyone.
    #[error("sharing is paused")]
    SharingPaused,
    /// The post asks for a valid certificate of this course first.
    #[error("complete the course {title} to share this")]
    TrainingRequired { course_id: i64, title: String },
    /// A sequential course opens an item once the ones before it are done.
    #[error("finish the previous lessons first")]
    ItemLocked,
    #[error("no attempts left")]
    NoAttemptsLeft,
}

impl AppError {
    /// One invalid field.
    pub fn field(field: &str, code: ErrorCode) -> Self {
        AppError::Invalid(vec![FieldError::new(field, code)])
    }

    /// The error for `field`, if this is a validation error that names it.
    pub fn for_field(&self, field: &str) -> Option<ErrorCode> {
        match self {
            AppError::Invalid(errors) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.code.clone()),
            _ => None,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Invalid(_) | AppError::BadRequest => 400,
            AppError::BadCredentials => 401,
            AppError::Conflict => 409,
            AppError::TooManyRequests { .. } => 429,
            AppError::Busy => 503,
            AppError::Network => 502,
            AppError::Internal => 500,
            AppError::Workflow(WorkflowError::NotFromHere) => 409,
            AppError::Workflow(WorkflowError::CommentRequired) => 400,
            AppError::Workflow(_) => 403,
            AppError::SharingPaused => 423,
            AppError::TrainingRequired { .. } => 403,
            AppError::ItemLocked => 409,
            AppError::NoAttemptsLeft => 403,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => AppError::Network,
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Serialization(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode) -> Self {
        FieldError {
            field: field.to_string(),
            code,
        }
    }
}

/// Why a field was refused. The browser words it in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    Required,
    TooShort {
        min: u32,
    },
    TooLong {
        max: u32,
    },
    InvalidEmail,
    EmailTaken,
    CommonPassword,
    PasswordsDiffer,
    WrongPassword,
    UnknownTeam,
    UnknownLocation,
    NameTaken,
    InvitationInvalid,
    CannotDeactivateSelf,
    LastAdmin,
    ManagerNeedsTeam,
    LinkScheme,
    InvalidLink,
    TooMany {
        max: u32,
    },
    OverNetworkLimit {
        max: u32,
    },
    ExpiresBeforePublish,
    ImageType,
    ImageTooLarge {
        max_mb: u32,
    },
    /// The post does not let ambassadors change its captions.
    CaptionLocked,
    OutOfRange {
        min: i64,
        max: i64,
    },
    Currency,
    UtmValue,
    /// A course needs at least one lesson or quiz to be published.
    EmptyCourse,
    QuizNeedsQuestions,
    PassMark,
    TooFewOptions,
    NoCorrectOption,
    OneCorrectOnly,
    EmptyQuestion,
    /// Not a published course.
    UnknownCourse,
}
