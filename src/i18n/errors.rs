//! Error codes in words, per language.

use crate::model::{AppError, ErrorCode, Lang};

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
    };
    s.to_string()
}

pub fn code_text(lang: Lang, code: &ErrorCode) -> String {
    let es = lang == Lang::Es;
    match code {
        ErrorCode::TooShort { min } if es => format!("Necesita al menos {min} caracteres."),
        ErrorCode::TooShort { min } => format!("Needs at least {min} characters."),
        ErrorCode::TooLong { max } if es => format!("Como máximo {max} caracteres."),
        ErrorCode::TooLong { max } => format!("At most {max} characters."),
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
                ErrorCode::TooShort { .. } | ErrorCode::TooLong { .. } => ("", ""),
            };
            (if es { sp } else { en }).to_string()
        }
    }
}
