//! Error codes in words, per language.

use crate::model::{AppError, ErrorCode, Lang, WorkflowError};

pub fn error_text(lang: Lang, e: &AppError) -> String {
    let es = lang == Lang::Es;
    let s = match e {
        AppError::Unauthenticated if es => "Tu sesión ha terminado. Vuelve a entrar.",
        AppError::Unauthenticated => "Your session has ended. Please sign in again.",
        AppError::Forbidden if es => "Tu rol no permite hacer esto.",
        AppError::Forbidden => "Your role does not allow this.",
        AppError::NotFound if es => "No se encontró. Puede que ya no exista.",
        AppError::NotFound => "Not found. It may no longer exist.",
        AppError::Invalid(errors) => {
            return errors
                .iter()
                .map(|f| code_text(lang, &f.code))
                .collect::<Vec<_>>()
                .join(" ")
        }
        AppError::BadCredentials if es => "Correo o contraseña incorrectos.",
        AppError::BadCredentials => "Wrong e-mail or password.",
        AppError::Conflict if es => {
            "Alguien lo cambió mientras tanto. Recarga y vuelve a intentarlo."
        }
        AppError::Conflict => "Someone changed this in the meantime. Reload and try again.",
        AppError::TooManyRequests { retry_after_secs } => {
            return if es {
                format!(
                    "Demasiados intentos. Vuelve a probar en {} s.",
                    retry_after_secs
                )
            } else {
                format!("Too many attempts. Try again in {} s.", retry_after_secs)
            }
        }
        AppError::Busy if es => "El servidor está ocupado. Prueba de nuevo en un momento.",
        AppError::Busy => "The server is busy. Try again in a moment.",
        AppError::BadRequest if es => "No se pudo leer la petición.",
        AppError::BadRequest => "The request could not be read.",
        AppError::Network if es => "No hay conexión con el servidor. Comprueba tu red.",
        AppError::Network => "Cannot reach the server. Check your connection.",
        AppError::Internal if es => "Algo falló por nuestra parte. Vuelve a intentarlo.",
        AppError::Internal => "Something went wrong on our side. Please try again.",
        AppError::Workflow(w) => return workflow_text(lang, *w),
        AppError::SharingPaused if es => "Compartir está en pausa (modo crisis).",
        AppError::SharingPaused => "Sharing is paused (crisis mode).",
        AppError::TrainingRequired { title, .. } => {
            return if es {
                format!("Completa el curso «{title}» para poder compartir esto.")
            } else {
                format!("Complete the course “{title}” to share this.")
            }
        }
        AppError::ItemLocked if es => "Termina antes las lecciones anteriores.",
        AppError::ItemLocked => "Finish the previous lessons first.",
        AppError::NoAttemptsLeft if es => {
            "Has usado todos los intentos de este test. Habla con tu formador."
        }
        AppError::NoAttemptsLeft => {
            "You have used every attempt at this quiz. Talk to your trainer."
        }
    };
    s.to_string()
}

fn workflow_text(lang: Lang, w: WorkflowError) -> String {
    let es = lang == Lang::Es;
    let (en, sp) = match w {
        WorkflowError::NotFromHere => ("This step is not possible from the post's current state; it may have changed. Reload.", "Este paso no es posible en el estado actual de la publicación; puede que haya cambiado. Recarga."),
        WorkflowError::RoleMissing => ("Your role does not allow this step.", "Tu rol no permite este paso."),
        WorkflowError::OwnPost => ("You cannot approve your own post: another approver must.", "No puedes aprobar tu propia publicación: debe hacerlo otra persona."),
        WorkflowError::CommentRequired => ("Write a comment explaining why.", "Escribe un comentario con el motivo."),
    };
    (if es { sp } else { en }).to_string()
}

pub fn code_text(lang: Lang, code: &ErrorCode) -> String {
    let es = lang == Lang::Es;
    match code {
        ErrorCode::TooShort { min } if es => format!("Necesita al menos {min} caracteres."),
        ErrorCode::TooShort { min } => format!("Needs at least {min} characters."),
        ErrorCode::TooLong { max } if es => format!("Como máximo {max} caracteres."),
        ErrorCode::TooLong { max } => format!("At most {max} characters."),
        ErrorCode::TooMany { max } if es => format!("Como máximo {max}."),
        ErrorCode::TooMany { max } => format!("At most {max}."),
        ErrorCode::OverNetworkLimit { max } if es => {
            format!("Con el aviso y el enlace supera los {max} caracteres de esta red.")
        }
        ErrorCode::OverNetworkLimit { max } => {
            format!("With the disclosure and the link this is over the network's {max} characters.")
        }
        ErrorCode::ImageTooLarge { max_mb } if es => format!("La imagen supera {max_mb} MB."),
        ErrorCode::ImageTooLarge { max_mb } => format!("The image is larger than {max_mb} MB."),
        ErrorCode::OutOfRange { min, max } if es => {
            format!("Debe ser un número entre {min} y {max}.")
        }
        ErrorCode::OutOfRange { min, max } => format!("It must be a number from {min} to {max}."),
        other => {
            let (en, sp) = match other {
                ErrorCode::Required => ("This is required.", "Este campo es obligatorio."),
                ErrorCode::InvalidEmail => (
                    "Enter an e-mail address like name@company.com.",
                    "Escribe un correo como nombre@empresa.com.",
                ),
                ErrorCode::EmailTaken => (
                    "Someone already uses this e-mail.",
                    "Ya hay alguien con este correo.",
                ),
                ErrorCode::CommonPassword => (
                    "This password is too common. Choose another.",
                    "Esta contraseña es demasiado común. Elige otra.",
                ),
                ErrorCode::PasswordsDiffer => (
                    "The two passwords differ.",
                    "Las dos contraseñas no coinciden.",
                ),
                ErrorCode::WrongPassword => (
                    "The current password is not right.",
                    "La contraseña actual no es correcta.",
                ),
                ErrorCode::UnknownTeam => ("That team does not exist.", "Ese equipo no existe."),
                ErrorCode::UnknownLocation => {
                    ("That location does not exist.", "Esa sede no existe.")
                }
                ErrorCode::NameTaken => ("That name is already used.", "Ese nombre ya existe."),
                ErrorCode::InvitationInvalid => (
                    "This invitation link is not valid any more.",
                    "Este enlace de invitación ya no es válido.",
                ),
                ErrorCode::CannotDeactivateSelf => (
                    "You cannot deactivate yourself.",
                    "No puedes desactivarte a ti.",
                ),
                ErrorCode::LastAdmin => (
                    "Someone must remain admin.",
                    "Debe quedar al menos una persona administradora.",
                ),
                ErrorCode::ManagerNeedsTeam => (
                    "A manager needs at least one team to manage.",
                    "Quien es responsable necesita al menos un equipo a su cargo.",
                ),
                ErrorCode::LinkScheme => (
                    "Links must start with https:// or http://.",
                    "Los enlaces deben empezar por https:// o http://.",
                ),
                ErrorCode::InvalidLink => (
                    "This is not a valid web address.",
                    "Esta no es una dirección web válida.",
                ),
                ErrorCode::CaptionLocked => (
                    "This post asks to share one of the suggested texts as written.",
                    "Esta publicación pide compartir uno de los textos sugeridos tal cual.",
                ),
                ErrorCode::Currency => (
                    "Use a three-letter currency code such as EUR or USD.",
                    "Usa un código de moneda de tres letras, como EUR o USD.",
                ),
                ErrorCode::UtmValue => (
                    "Use lower-case letters, digits, - and _ only.",
                    "Usa solo minúsculas, cifras, - y _.",
                ),
                ErrorCode::EmptyCourse => (
                    "Add at least one lesson before publishing.",
                    "Añade al menos una lección antes de publicar.",
                ),
                ErrorCode::QuizNeedsQuestions => (
                    "Every quiz needs at least one question.",
                    "Cada test necesita al menos una pregunta.",
                ),
                ErrorCode::PassMark => (
                    "The pass mark must be between 1 and 100 %.",
                    "La nota para aprobar debe estar entre 1 y 100 %.",
                ),
                ErrorCode::TooFewOptions => (
                    "A question needs at least two options (true/false: exactly two).",
                    "Una pregunta necesita al menos dos opciones (verdadero/falso: exactamente dos).",
                ),
                ErrorCode::NoCorrectOption => (
                    "Mark the correct option of every question.",
                    "Marca la opción correcta de cada pregunta.",
                ),
                ErrorCode::OneCorrectOnly => (
                    "Single-choice and true/false questions have exactly one correct option.",
                    "Las preguntas de una opción y de verdadero/falso tienen exactamente una opción correcta.",
                ),
                ErrorCode::UnknownCourse => (
                    "Choose a published course.",
                    "Elige un curso publicado.",
                ),
                ErrorCode::EmptyQuestion => (
                    "Write the text of every question and option.",
                    "Escribe el texto de cada pregunta y de cada opción.",
                ),
                ErrorCode::ExpiresBeforePublish => (
                    "It must expire after it is published.",
                    "Debe caducar después de publicarse.",
                ),
                ErrorCode::ImageType => (
                    "Use a PNG, JPEG, WebP or GIF image.",
                    "Usa una imagen PNG, JPEG, WebP o GIF.",
                ),
                ErrorCode::TooShort { .. }
                | ErrorCode::TooLong { .. }
                | ErrorCode::TooMany { .. }
                | ErrorCode::OverNetworkLimit { .. }
                | ErrorCode::ImageTooLarge { .. }
                | ErrorCode::OutOfRange { .. } => ("", ""),
            };
            (if es { sp } else { en }).to_string()
        }
    }
}
