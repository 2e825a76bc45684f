//! The demo's "Social media policy" course, in Spanish and in English: three
//! modules, seven short lessons and two quizzes about sharing company posts
//! through Portavoz well. Both versions are the same course: same structure,
//! same correct answers at the same positions, so either certificate counts.
//!
//! In every question the first option is wrong, so a learner (or a browser
//! test) that always picks the first option fails both quizzes.

use crate::model::training::{
    CourseInput, Item, Module, Question, QuestionKind, Quiz, QuizOption, QuizRules,
};
use crate::model::{Lang, Targeting};

/// The course in `lang`. Ids are 0: the server numbers them when it stores the course.
pub fn social_media_policy(lang: Lang) -> CourseInput {
    match lang {
        Lang::Es => es(),
        Lang::En => en(),
    }
}

/// Both quizzes: 80 % to pass, three attempts, questions in the written order.
const RULES: QuizRules = QuizRules {
    pass_mark: 80,
    max_attempts: Some(3),
    shuffle: false,
};

fn course(lang: Lang, title: &str, summary: &str, modules: Vec<Module>) -> CourseInput {
    CourseInput {
        version: 0,
        title: title.to_string(),
        summary: summary.to_string(),
        lang,
        minutes: 15,
        cover_image: None,
        sequential: true,
        validity_months: Some(12),
        audience: Targeting::default(),
        mandatory: true,
        due: None,
        translation_of: None,
        next_id: 0,
        modules,
    }
}

fn module(title: &str, items: Vec<Item>) -> Module {
    Module {
        title: title.to_string(),
        items,
    }
}

fn lesson(title: &str, body: &str) -> Item {
    Item {
        id: 0,
        title: title.to_string(),
        body: body.trim().to_string(),
        quiz: None,
    }
}

fn quiz(title: &str, intro: &str, questions: Vec<Question>) -> Item {
    Item {
        id: 0,
        title: title.to_string(),
        body: intro.trim().to_string(),
        quiz: Some(Quiz {
            rules: RULES,
            questions,
        }),
    }
}

fn question(
    kind: QuestionKind,
    text: &str,
    options: &[(&str, bool)],
    explanation: &str,
) -> Question {
    Question {
        id: 0,
        kind,
        text: text.to_string(),
        options: options
            .iter()
            .map(|&(text, correct)| QuizOption {
                id: 0,
                text: text.to_string(),
                correct,
            })
            .collect(),
        explanation: explanation.to_string(),
    }
}

/// Exactly one of `options` is correct.
fn single(text: &str, options: &[(&str, bool)], explanation: &str) -> Question {
    question(QuestionKind::Single, text, options, explanation)
}

/// Several of `options` are correct; all of them must be chosen.
fn multiple(text: &str, options: &[(&str, bool)], explanation: &str) -> Question {
    question(QuestionKind::Multiple, text, options, explanation)
}

/// "True" then "False", in `lang`; `answer` says which one is right.
fn true_false(lang: Lang, text: &str, answer: bool, explanation: &str) -> Question {
    let (yes, no) = match lang {
        Lang::Es => ("Verdadero", "Falso"),
        Lang::En => ("True", "False"),
    };
    question(
        QuestionKind::TrueFalse,
        text,
        &[(yes, answer), (no, !answer)],
        explanation,
    )
}

// ---------------------------------------------------------------------------
// Español

fn es() -> CourseInput {
    const LANG: Lang = Lang::Es;
    course(
        LANG,
        "Política de redes sociales",
        "Cómo compartir contenido de la empresa en tus redes con confianza: qué puedes \
         publicar, cómo decir que trabajas aquí y qué hacer si algo se tuerce. Quince \
         minutos y dos pequeños tests.",
        vec![
            module(
                "Tu voz cuenta",
                vec![
                    lesson("Por qué tu voz cuenta", ES_VOICE),
                    lesson("Qué puedes compartir y qué nunca", ES_WHAT_TO_SHARE),
                ],
            ),
            module(
                "Compartir bien",
                vec![
                    lesson("Di siempre que trabajas aquí", ES_DISCLOSURE),
                    lesson("Tu tono y la voz de la empresa", ES_TONE),
                    quiz(
                        "Test: lo básico",
                        r#"
Cuatro preguntas sobre lo que has visto hasta ahora. Necesitas un **80 %** para aprobar, es decir, acertar las cuatro, y tienes **tres intentos**. Después de responder verás por qué cada respuesta es la correcta.
"#,
                        vec![
                            single(
                                "¿Por qué funciona mejor una publicación compartida por un empleado que la misma publicación desde la cuenta de la marca?",
                                &[
                                    ("Porque las redes premian las publicaciones con muchos hashtags", false),
                                    ("Porque la gente confía más en lo que cuenta una persona que en lo que dice una marca", true),
                                    ("Porque solo la ven quienes ya siguen a la empresa", false),
                                ],
                                "Tus contactos te conocen y confían en tu criterio; por eso lo que compartes llega más lejos que un anuncio de la marca.",
                            ),
                            multiple(
                                "¿Qué no debes compartir nunca? (Elige dos.)",
                                &[
                                    ("Una publicación aprobada en Portavoz", false),
                                    ("Las cifras de ventas del trimestre antes de que se anuncien", true),
                                    ("Lo que aprendiste en un evento al que fuiste", false),
                                    ("Una foto de un compañero sin haberle preguntado", true),
                                ],
                                "Las cifras sin anunciar son confidenciales y las fotos de compañeros necesitan su permiso. Lo aprobado y tu propia experiencia sí se pueden compartir.",
                            ),
                            true_false(
                                LANG,
                                "Si la línea de transparencia (por ejemplo, #empleado) hace que tu texto sea demasiado largo, puedes borrarla.",
                                false,
                                "La línea de transparencia no se quita nunca: si no cabe, acorta tu comentario. Quien te lee tiene derecho a saber que trabajas aquí.",
                            ),
                            single(
                                "El equipo de comunicación ha bloqueado el texto de una publicación. ¿Qué haces?",
                                &[
                                    ("Copio el texto y lo publico a mano con mis cambios", false),
                                    ("La comparto tal cual, con uno de los textos aprobados", true),
                                    ("Le pido a un compañero que me pase su versión editada", false),
                                ],
                                "Un texto bloqueado se comparte tal cual porque cada palabra cuenta, por ejemplo en un comunicado o en unos resultados.",
                            ),
                        ],
                    ),
                ],
            ),
            module(
                "Imprevistos, privacidad y buenos hábitos",
                vec![
                    lesson("Comentarios negativos y crisis", ES_CRISIS),
                    lesson("Tu privacidad: qué mide Portavoz", ES_PRIVACY),
                    lesson("Respeta a quien te sigue", ES_FOLLOWERS),
                    quiz(
                        "Test final",
                        r#"
Cinco preguntas sobre todo el curso. Necesitas un **80 %** (cuatro de cinco) y tienes **tres intentos**. Al aprobarlo obtienes tu certificado, válido durante **12 meses**.
"#,
                        vec![
                            single(
                                "Alguien comenta enfadado una publicación que has compartido porque un producto le ha fallado. ¿Qué haces?",
                                &[
                                    ("Le respondo en nombre de la empresa y le prometo una compensación", false),
                                    ("Le rebato punto por punto hasta que reconozca que no tiene razón", false),
                                    ("No discuto y se lo paso al equipo de comunicación con el enlace al comentario", true),
                                ],
                                "No discutas ni hables en nombre de la empresa: el equipo de comunicación sabe qué responder y quién debe hacerlo.",
                            ),
                            true_false(
                                LANG,
                                "Durante el modo crisis puedes seguir compartiendo las publicaciones que se aprobaron antes de la crisis.",
                                false,
                                "El modo crisis pausa todo lo que se comparte, también lo aprobado antes. No publiques nada sobre la empresa hasta que se levante.",
                            ),
                            multiple(
                                "¿Qué registra Portavoz cuando alguien abre tu enlace? (Elige dos.)",
                                &[
                                    ("La dirección IP de quien hace clic", false),
                                    ("El número de clics que recibe tu enlace", true),
                                    ("Los visitantes distintos, con un código anónimo que cambia cada día", true),
                                    ("Tu nombre y tu correo, dentro del enlace", false),
                                ],
                                "Portavoz cuenta clics y visitantes distintos sin guardar la IP, y el enlace solo lleva un identificador opaco, nunca tu nombre ni tu correo.",
                            ),
                            single(
                                "¿Con qué frecuencia es razonable compartir publicaciones de la empresa?",
                                &[
                                    ("Todas, en cuanto aparecen en Portavoz", false),
                                    ("Dos o tres a la semana, mezcladas con contenido tuyo", true),
                                    ("Varias al día, para subir en las clasificaciones", false),
                                ],
                                "Tu red te sigue por ti. Dos o tres publicaciones a la semana, bien elegidas, funcionan mejor que llenar tu perfil de anuncios.",
                            ),
                            true_false(
                                LANG,
                                "Si no quieres aparecer en las clasificaciones, tienes que dejar de compartir.",
                                false,
                                "Aparecer en las clasificaciones es opcional: puedes ocultarte y seguir compartiendo igual.",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )
}

const ES_VOICE: &str = r#"
### La gente confía en las personas

Cuando una marca habla de sí misma, la gente lo lee como publicidad. Cuando lo cuenta alguien que trabaja aquí, lo lee como una recomendación. Por eso lo que compartes tú **llega más lejos y genera más confianza** que el mismo mensaje desde la cuenta de la empresa.

### Lo que aportas

- **Tu red**: muchos de tus contactos no siguen a la empresa, pero sí te siguen a ti.
- **Tu criterio**: eliges qué compartir y con quién, y eso le da valor.
- **Tu experiencia**: nadie explica mejor un proyecto que quien ha trabajado en él.

### Cómo te ayuda Portavoz

En Portavoz encontrarás publicaciones que el equipo de comunicación ya ha **revisado y aprobado**. Eliges las que te encajan, las compartes en LinkedIn, X, Facebook, WhatsApp o por correo con un par de clics y, si te apetece, ves cuánta gente las ha abierto.

### Lo que no es

Compartir es **voluntario**. Nadie te pide que conviertas tus perfiles en un tablón de anuncios: una publicación bien elegida vale más que diez seguidas. Este curso te da las reglas básicas para hacerlo con tranquilidad y sin miedo a meter la pata.
"#;

const ES_WHAT_TO_SHARE: &str = r#"
### Adelante, sin dudarlo

- **Las publicaciones aprobadas en Portavoz**: ya han pasado por el equipo de comunicación.
- **Tu propia experiencia**: un evento al que fuiste, un proyecto que te ha hecho ilusión, algo que has aprendido.
- **Lo que la empresa ya ha hecho público**: en su web, en una nota de prensa o en sus redes oficiales.

### Nunca, aunque parezca inofensivo

- **Cifras confidenciales**: ventas, resultados o previsiones que no se hayan anunciado.
- **Nombres o datos de clientes** sin su consentimiento, tampoco de refilón en una foto o en una captura de pantalla.
- **Fotos de compañeros** sin preguntarles antes. Un «¿te importa si la subo?» basta.
- **Productos o proyectos sin anunciar**, ni siquiera como pista o con un «pronto os cuento algo».

### Si dudas, pregunta

La regla es sencilla: **si no sabes si algo es público, trátalo como confidencial** y pregunta al equipo de comunicación antes de publicarlo. También puedes sugerir un enlace desde Portavoz para que lo revisen y, si encaja, lo aprueben para todo el mundo.

Tienes la política completa, con ejemplos, en [example.com/politica-redes](https://example.com/politica-redes).
"#;

const ES_DISCLOSURE: &str = r#"
### Por qué hay que decirlo

Quien lee tu publicación tiene derecho a saber que hablas de **tu propia empresa**. No es solo una formalidad: las normas de publicidad y las de las propias redes piden que se note cuando alguien habla de algo con lo que tiene relación. Y, sobre todo, es una cuestión de **honestidad** con tu red.

### La línea de transparencia

Las publicaciones llevan una línea como **#empleado** o **#EmpleadoDeAcme**. La decide el equipo de comunicación y **Portavoz la añade siempre al final** del texto que compartes, en todas las redes.

- **No la borres** después de publicar ni la escondas entre veinte hashtags.
- Si el texto no te cabe, **acorta tu comentario**, no la línea de transparencia.
- Si compartes algo de la empresa por tu cuenta, fuera de Portavoz, **añádela tú**.

### ¿Y si no lleva ninguna?

Aunque una publicación no tenga línea de transparencia, deja claro que trabajas aquí: basta con que lo diga tu perfil o con una frase como «En mi equipo hemos…». Lo importante es que nadie pueda sentirse engañado al descubrirlo después.
"#;

const ES_TONE: &str = r#"
### Hablas tú, no la empresa

Cuando compartes, lo haces **en tu nombre**. Cuenta con tus palabras por qué te parece interesante una publicación, pero no hables **en nombre de la empresa**: nada de «os confirmamos», «nuestra postura oficial es» ni promesas a clientes. Eso le corresponde al equipo de comunicación.

### Cuando puedes editar el texto

Muchas publicaciones traen un texto propuesto para cada red que **puedes cambiar**. Aprovéchalo:

- **Añade tu punto de vista**: qué has hecho tú, qué te ha sorprendido, a quién le puede servir.
- **Adáptalo a la red**: más profesional en LinkedIn, más breve en X, más cercano en WhatsApp.
- **Revísalo antes de publicar**: datos, nombres y enlaces, sin nada confidencial.

### Cuando el texto está bloqueado

A veces el equipo de comunicación **bloquea el texto**: un comunicado, un tema legal o unos resultados, donde cada palabra cuenta. Entonces la publicación se comparte **tal cual**, con uno de los textos aprobados. No lo copies para publicarlo a mano con cambios.

### Un buen tono

Sé **cercano, respetuoso y honesto**. Evita las exageraciones («¡la mejor empresa del mundo!») y las críticas a la competencia: restan credibilidad a todo lo demás.
"#;

const ES_CRISIS: &str = r#"
### Si alguien responde mal

Tarde o temprano alguien comentará algo negativo en una publicación que has compartido. Casi nunca es grave; lo importante es **cómo reaccionas**.

- **No discutas** ni entres al trapo, aunque el comentario te parezca injusto.
- **No respondas en nombre de la empresa**: ni disculpas oficiales, ni explicaciones, ni promesas.
- **Pásaselo al equipo de comunicación** con el enlace al comentario. Ellos saben qué responder y quién debe hacerlo.
- Si quieres, contesta algo breve y amable: «Gracias por comentarlo, se lo paso al equipo que lo lleva».
- **Nunca des datos de un cliente** para aclarar un caso, ni siquiera por mensaje privado.

### Cuando hay una crisis

Si la empresa vive una situación delicada, el equipo de comunicación puede activar el **modo crisis**. Entonces:

- Portavoz **pausa todo lo que se comparte**, para todo el mundo, y muestra en cada página un aviso con lo que hay que hacer.
- Quien abra un enlace ya compartido puede acabar en una página segura mientras dure la crisis.
- **No publiques nada sobre la empresa** por tu cuenta hasta que se levante, aunque tengas buena intención.

Cuando pase, podrás volver a compartir con normalidad. Mientras tanto, la mejor ayuda es la calma.
"#;

const ES_PRIVACY: &str = r#"
### Qué se mide

Cada vez que compartes, Portavoz crea un **enlace de seguimiento** solo para ti. Con él sabe:

- **Cuántos clics** recibe tu enlace, sin contar robots ni las vistas previas que generan las redes.
- **Cuántos visitantes distintos** lo abren, con un código anónimo calculado a partir de la IP y el navegador con una clave que **cambia cada día**.
- **En qué red o canal** lo compartiste.

### Qué no se guarda

- **La dirección IP** de quien hace clic: solo se usa un instante para calcular ese código.
- **Tu nombre o tu correo** dentro del enlace: lleva un identificador opaco que no dice nada de ti.
- **Tus cuentas**: Portavoz no se conecta a tus redes, así que no ve tus perfiles, tus mensajes ni tus contactos.

### Las clasificaciones

Tu responsable puede ver **clasificaciones** con las veces que comparte cada persona del equipo y los clics que consigue. Sirven para reconocer el esfuerzo, no para vigilar a nadie. Si prefieres no aparecer, puedes **ocultarte de las clasificaciones** y seguir compartiendo igual.

¿Dudas sobre tus datos? Escribe al equipo de comunicación o consulta la política en [example.com/politica-redes](https://example.com/politica-redes).
"#;

const ES_FOLLOWERS: &str = r#"
### Menos es más

Tus contactos te siguen por ti, no por la empresa. Si solo ven publicaciones corporativas, dejarán de prestarte atención, y entonces tampoco servirá de nada lo que compartas.

- **Dos o tres publicaciones a la semana** es un buen ritmo. Elige las que de verdad te interesan.
- **Mézclalas con contenido tuyo**: tu trabajo, tu sector, lo que lees.
- **No reenvíes lo mismo** a todos tus grupos de WhatsApp ni por correo a toda tu agenda.
- **No etiquetes** a gente en masa para ganar alcance.

### Cuida la conversación

- Responde a quien comenta con interés, aunque sea con un simple «gracias».
- Si alguien te pide que no le mandes más cosas de la empresa, **respétalo**.
- No pidas a tus contactos que hagan clic «porque me cuenta para la clasificación».

### En resumen

Comparte lo aprobado o tu propia experiencia, di siempre que trabajas aquí, habla en tu nombre, pasa los problemas al equipo de comunicación y cuida a tu red. Con eso, lo estás haciendo muy bien.
"#;

// ---------------------------------------------------------------------------
// English

fn en() -> CourseInput {
    const LANG: Lang = Lang::En;
    course(
        LANG,
        "Social media policy",
        "How to share company content on your own networks with confidence: what you \
         may post, how to say you work here and what to do when something goes wrong. \
         Fifteen minutes and two short quizzes.",
        vec![
            module(
                "Your voice matters",
                vec![
                    lesson("Why your voice matters", EN_VOICE),
                    lesson("What you may share, and what never", EN_WHAT_TO_SHARE),
                ],
            ),
            module(
                "Sharing well",
                vec![
                    lesson("Always say you work here", EN_DISCLOSURE),
                    lesson("Your tone and the company's voice", EN_TONE),
                    quiz(
                        "Quiz: the basics",
                        r#"
Four questions on what you have seen so far. You need **80 %** to pass, which means getting all four right, and you have **three attempts**. After answering you will see why each answer is the right one.
"#,
                        vec![
                            single(
                                "Why does a post shared by an employee work better than the same post from the brand's account?",
                                &[
                                    ("Because networks reward posts with lots of hashtags", false),
                                    ("Because people trust what a person says more than what a brand says", true),
                                    ("Because only the company's followers see it", false),
                                ],
                                "Your contacts know you and trust your judgement, which is why what you share goes further than an ad from the brand.",
                            ),
                            multiple(
                                "What must you never share? (Choose two.)",
                                &[
                                    ("A post approved in Portavoz", false),
                                    ("This quarter's sales figures before they are announced", true),
                                    ("What you learned at an event you attended", false),
                                    ("A photo of a colleague you did not ask first", true),
                                ],
                                "Unannounced figures are confidential and photos of colleagues need their permission. Approved posts and your own experience are fine to share.",
                            ),
                            true_false(
                                LANG,
                                "If the disclosure line (for example #employee) makes your text too long, you may delete it.",
                                false,
                                "The disclosure line never comes off: if it does not fit, shorten your comment. Your readers have a right to know you work here.",
                            ),
                            single(
                                "The comms team has locked a post's caption. What do you do?",
                                &[
                                    ("Copy the text and post it by hand with my own changes", false),
                                    ("Share it as it is, with one of the approved captions", true),
                                    ("Ask a colleague for their edited version", false),
                                ],
                                "A locked caption is shared as written because every word counts, for instance in a statement or in financial results.",
                            ),
                        ],
                    ),
                ],
            ),
            module(
                "Setbacks, privacy and good habits",
                vec![
                    lesson("Negative comments and crises", EN_CRISIS),
                    lesson("Your privacy: what Portavoz measures", EN_PRIVACY),
                    lesson("Respect your followers", EN_FOLLOWERS),
                    quiz(
                        "Final quiz",
                        r#"
Five questions on the whole course. You need **80 %** (four out of five) and you have **three attempts**. Pass it and you get your certificate, valid for **12 months**.
"#,
                        vec![
                            single(
                                "Someone angrily comments on a post you shared because a product let them down. What do you do?",
                                &[
                                    ("Reply on behalf of the company and promise them compensation", false),
                                    ("Rebut them point by point until they admit they are wrong", false),
                                    ("Don't argue, and pass it to the comms team with a link to the comment", true),
                                ],
                                "Don't argue and don't speak for the company: the comms team knows what to answer and who should do it.",
                            ),
                            true_false(
                                LANG,
                                "During crisis mode you may keep sharing posts that were approved before the crisis.",
                                false,
                                "Crisis mode pauses all sharing, including posts approved earlier. Don't post anything about the company until it is lifted.",
                            ),
                            multiple(
                                "What does Portavoz record when someone opens your link? (Choose two.)",
                                &[
                                    ("The IP address of whoever clicks", false),
                                    ("The number of clicks your link gets", true),
                                    ("Unique visitors, counted with an anonymous code that changes every day", true),
                                    ("Your name and e-mail, inside the link", false),
                                ],
                                "Portavoz counts clicks and unique visitors without storing the IP, and the link only carries an opaque id, never your name or e-mail.",
                            ),
                            single(
                                "How often is it reasonable to share company posts?",
                                &[
                                    ("Every single one, as soon as it appears in Portavoz", false),
                                    ("Two or three a week, mixed with your own content", true),
                                    ("Several a day, to climb the leaderboards", false),
                                ],
                                "People follow you for you. Two or three well-chosen posts a week work better than filling your profile with ads.",
                            ),
                            true_false(
                                LANG,
                                "If you don't want to appear on the leaderboards, you have to stop sharing.",
                                false,
                                "Appearing on the leaderboards is optional: you can hide yourself and keep sharing just the same.",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )
}

const EN_VOICE: &str = r#"
### People trust people

When a brand talks about itself, people read it as advertising. When someone who works here says it, they read it as a recommendation. That is why what you share **travels further and earns more trust** than the same message from the company's account.

### What you bring

- **Your network**: many of your contacts don't follow the company, but they do follow you.
- **Your judgement**: you choose what to share and with whom, and that gives it weight.
- **Your experience**: nobody explains a project better than someone who worked on it.

### How Portavoz helps

In Portavoz you will find posts the comms team has already **reviewed and approved**. Pick the ones that suit you, share them on LinkedIn, X, Facebook, WhatsApp or by e-mail in a couple of clicks and, if you are curious, see how many people opened them.

### What it is not

Sharing is **voluntary**. Nobody expects you to turn your profiles into a noticeboard: one well-chosen post is worth more than ten in a row. This course gives you the ground rules so you can share with confidence and without worrying about getting it wrong.
"#;

const EN_WHAT_TO_SHARE: &str = r#"
### Go ahead

- **Posts approved in Portavoz**: the comms team has already checked them.
- **Your own experience**: an event you went to, a project you are proud of, something you learned.
- **What the company has already made public**: on its website, in a press release or on its official accounts.

### Never, however harmless it looks

- **Confidential figures**: sales, results or forecasts that have not been announced.
- **Customers' names or data** without their consent, not even in the background of a photo or a screenshot.
- **Photos of colleagues** without asking them first. A quick "mind if I post this?" is enough.
- **Unannounced products or projects**, not even as a hint or a "big news coming soon".

### When in doubt, ask

The rule is simple: **if you don't know whether something is public, treat it as confidential** and ask the comms team before posting. You can also suggest a link in Portavoz so they can review it and, if it fits, approve it for everyone.

The full policy, with examples, is at [example.com/social-media-policy](https://example.com/social-media-policy).
"#;

const EN_DISCLOSURE: &str = r#"
### Why you must say it

Whoever reads your post has a right to know you are talking about **your own employer**. It is not just a formality: advertising rules and the networks' own policies ask that it shows when someone talks about something they are connected to. Above all, it is a matter of **honesty** with your network.

### The disclosure line

Posts carry a line such as **#employee** or **#AcmeEmployee**. The comms team decides it and **Portavoz always adds it at the end** of the text you share, on every network.

- **Don't delete it** after posting, and don't bury it among twenty hashtags.
- If your text does not fit, **shorten your comment**, not the disclosure line.
- If you share something about the company on your own, outside Portavoz, **add it yourself**.

### What if there is none?

Even when a post has no disclosure line, make it clear that you work here: your profile saying so is enough, or a sentence like "My team has just…". What matters is that nobody feels misled when they find out later.
"#;

const EN_TONE: &str = r#"
### You speak for yourself, not the company

When you share, you do it **in your own name**. Say in your own words why a post is worth reading, but don't speak **on behalf of the company**: no "we can confirm", no "our official position is", no promises to customers. That is the comms team's job.

### When you can edit the caption

Many posts come with a suggested caption for each network that **you can change**. Make the most of it:

- **Add your point of view**: what you did, what surprised you, who might find it useful.
- **Fit it to the network**: more professional on LinkedIn, shorter on X, more personal on WhatsApp.
- **Check it before posting**: figures, names and links, with nothing confidential.

### When the caption is locked

Sometimes the comms team **locks the caption**: a statement, a legal matter or financial results, where every word counts. The post is then shared **as written**, with one of the approved captions. Don't copy it to post by hand with your own changes.

### A good tone

Be **friendly, respectful and honest**. Avoid hype ("the best company in the world!") and digs at competitors: they undermine everything else you say.
"#;

const EN_CRISIS: &str = r#"
### When someone replies badly

Sooner or later someone will leave a negative comment on a post you shared. It is rarely serious; what matters is **how you react**.

- **Don't argue** or take the bait, even if the comment feels unfair.
- **Don't answer on behalf of the company**: no official apologies, no explanations, no promises.
- **Pass it to the comms team** with a link to the comment. They know what to answer and who should do it.
- If you like, reply with something short and kind: "Thanks for raising this, I've passed it to the team that handles it."
- **Never give out a customer's details** to clear something up, not even in a private message.

### When there is a crisis

If the company is going through a sensitive moment, the comms team can switch on **crisis mode**. Then:

- Portavoz **pauses all sharing**, for everyone, and shows a notice on every page saying what to do.
- People opening links that were already shared may land on a safe page while it lasts.
- **Don't post anything about the company** on your own until it is lifted, however good your intentions.

Once it is over, you can share as usual again. Until then, staying calm is the best help you can give.
"#;

const EN_PRIVACY: &str = r#"
### What is measured

Every time you share, Portavoz creates a **tracked link** just for you. With it, it knows:

- **How many clicks** your link gets, leaving out bots and the link previews networks generate.
- **How many unique visitors** open it, using an anonymous code computed from the IP address and browser with a key that **changes every day**.
- **Which network or channel** you shared it on.

### What is not stored

- **The IP address** of whoever clicks: it is only used for a moment to compute that code.
- **Your name or e-mail** in the link: it carries an opaque id that says nothing about you.
- **Your accounts**: Portavoz does not connect to your networks, so it cannot see your profiles, messages or contacts.

### Leaderboards

Your manager can see **leaderboards** with how often each person in the team shares and the clicks they get. They are there to recognise effort, not to watch anyone. If you would rather not appear, you can **hide yourself from the leaderboards** and keep sharing just the same.

Questions about your data? Write to the comms team or read the policy at [example.com/social-media-policy](https://example.com/social-media-policy).
"#;

const EN_FOLLOWERS: &str = r#"
### Less is more

Your contacts follow you for you, not for the company. If all they see is corporate posts, they will stop paying attention, and then nothing you share will help.

- **Two or three posts a week** is a good pace. Pick the ones you genuinely find interesting.
- **Mix them with your own content**: your work, your industry, what you are reading.
- **Don't forward the same thing** to every WhatsApp group or e-mail your whole address book.
- **Don't tag people** en masse to get more reach.

### Look after the conversation

- Reply to people who comment with genuine interest, even if it is just a "thank you".
- If someone asks you to stop sending them company news, **respect it**.
- Don't ask your contacts to click "because it counts for the leaderboard".

### In short

Share approved posts or your own experience, always say you work here, speak for yourself, pass problems to the comms team and look after your network. Do that, and you are doing it right.
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::training::{check_quiz, grade, number_new_ids, Answers};

    fn numbered(lang: Lang) -> CourseInput {
        let mut course = social_media_policy(lang);
        number_new_ids(&mut course);
        course
    }

    fn quizzes(course: &CourseInput) -> Vec<&Quiz> {
        course.items().filter_map(|i| i.quiz.as_ref()).collect()
    }

    fn lessons(course: &CourseInput) -> Vec<&Item> {
        course.items().filter(|i| i.quiz.is_none()).collect()
    }

    /// The answers that pick, in every question, the options `choose` returns.
    fn answers(quiz: &Quiz, choose: impl Fn(&Question) -> Vec<i64>) -> Answers {
        quiz.questions.iter().map(|q| (q.id, choose(q))).collect()
    }

    fn first_option(q: &Question) -> Vec<i64> {
        vec![q.options[0].id]
    }

    fn correct_options(q: &Question) -> Vec<i64> {
        q.options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.id)
            .collect()
    }

    #[test]
    fn has_the_settings_the_demo_expects() {
        for lang in Lang::ALL {
            let c = social_media_policy(lang);
            assert_eq!(c.lang, lang);
            assert_eq!((c.version, c.minutes), (0, 15));
            assert!(c.sequential && c.mandatory);
            assert_eq!(c.validity_months, Some(12));
            assert!(c.audience.everyone());
            assert!(c.due.is_none() && c.translation_of.is_none() && c.cover_image.is_none());
            assert_eq!(c.modules.len(), 3);
        }
        assert_eq!(
            social_media_policy(Lang::Es).title,
            "Política de redes sociales"
        );
        assert_eq!(social_media_policy(Lang::En).title, "Social media policy");
    }

    #[test]
    fn has_six_or_seven_lessons_and_two_quizzes_closing_modules_two_and_three() {
        for lang in Lang::ALL {
            let c = social_media_policy(lang);
            assert!((6..=7).contains(&lessons(&c).len()), "{lang:?}");
            assert_eq!(quizzes(&c).len(), 2, "{lang:?}");
            let ends_with_quiz: Vec<bool> = c
                .modules
                .iter()
                .map(|m| m.items.last().is_some_and(|i| i.quiz.is_some()))
                .collect();
            assert_eq!(ends_with_quiz, [false, true, true], "{lang:?}");
            let sizes: Vec<usize> = quizzes(&c).iter().map(|q| q.questions.len()).collect();
            assert_eq!(sizes, [4, 5], "{lang:?}");
        }
    }

    #[test]
    fn lessons_are_short_markdown_with_headings() {
        for lang in Lang::ALL {
            let c = social_media_policy(lang);
            for l in lessons(&c) {
                let words = l
                    .body
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                assert!((120..=250).contains(&words), "{}: {words} words", l.title);
                assert!(l.body.contains("### "), "{}", l.title);
                assert!(l.body.contains("**"), "{}", l.title);
                assert!(l.body.contains("\n- "), "{}", l.title);
            }
            let policy = match lang {
                Lang::Es => "https://example.com/politica-redes",
                Lang::En => "https://example.com/social-media-policy",
            };
            assert!(
                lessons(&c).iter().any(|l| l.body.contains(policy)),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn every_quiz_can_be_published() {
        for lang in Lang::ALL {
            let c = numbered(lang);
            for quiz in quizzes(&c) {
                assert_eq!(check_quiz(&quiz.questions, quiz.rules), Ok(()), "{lang:?}");
                assert_eq!(quiz.rules, RULES);
                for q in &quiz.questions {
                    assert!(!q.explanation.trim().is_empty(), "{}", q.text);
                    let correct = q.options.iter().filter(|o| o.correct).count();
                    match q.kind {
                        QuestionKind::Single => {
                            assert!((3..=4).contains(&q.options.len()), "{}", q.text);
                            assert_eq!(correct, 1, "{}", q.text);
                        }
                        QuestionKind::Multiple => {
                            assert_eq!((q.options.len(), correct), (4, 2), "{}", q.text);
                        }
                        QuestionKind::TrueFalse => {
                            let texts: Vec<&str> =
                                q.options.iter().map(|o| o.text.as_str()).collect();
                            let expected = match lang {
                                Lang::Es => ["Verdadero", "Falso"],
                                Lang::En => ["True", "False"],
                            };
                            assert_eq!(texts, expected, "{}", q.text);
                            assert_eq!(correct, 1, "{}", q.text);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_first_option_is_never_correct() {
        for lang in Lang::ALL {
            let c = social_media_policy(lang);
            for quiz in quizzes(&c) {
                for q in &quiz.questions {
                    assert!(!q.options[0].correct, "{lang:?}: {}", q.text);
                }
            }
        }
    }

    #[test]
    fn option_texts_are_distinct_within_a_question() {
        for lang in Lang::ALL {
            let c = social_media_policy(lang);
            for quiz in quizzes(&c) {
                for q in &quiz.questions {
                    let mut texts: Vec<&str> = q.options.iter().map(|o| o.text.as_str()).collect();
                    texts.sort_unstable();
                    texts.dedup();
                    assert_eq!(texts.len(), q.options.len(), "{}", q.text);
                }
            }
        }
    }

    #[test]
    fn spanish_and_english_are_the_same_course() {
        let es = social_media_policy(Lang::Es);
        let en = social_media_policy(Lang::En);
        assert_eq!(es.modules.len(), en.modules.len());
        for (m_es, m_en) in es.modules.iter().zip(&en.modules) {
            assert_eq!(m_es.items.len(), m_en.items.len(), "{}", m_en.title);
            for (i_es, i_en) in m_es.items.iter().zip(&m_en.items) {
                let shape = |i: &Item| {
                    i.quiz.as_ref().map(|q| {
                        let questions: Vec<(QuestionKind, Vec<bool>)> = q
                            .questions
                            .iter()
                            .map(|q| (q.kind, q.options.iter().map(|o| o.correct).collect()))
                            .collect();
                        (q.rules, questions)
                    })
                };
                assert_eq!(shape(i_es), shape(i_en), "{}", i_en.title);
            }
        }
    }

    #[test]
    fn always_choosing_the_first_option_fails_and_the_right_answers_pass() {
        for lang in Lang::ALL {
            let c = numbered(lang);
            for quiz in quizzes(&c) {
                let first = grade(&quiz.questions, &answers(quiz, first_option), quiz.rules);
                assert!(
                    !first.passed,
                    "{lang:?}: first options scored {}",
                    first.score
                );
                assert_eq!(first.right, 0, "{lang:?}");

                let right = grade(&quiz.questions, &answers(quiz, correct_options), quiz.rules);
                assert!(right.passed, "{lang:?}");
                assert_eq!(right.score, 100, "{lang:?}");
            }
        }
    }
}
