"""Fixed words printed on summaries, in English, Russian and Belarusian.

Summaries are made without Qt (the CLI must not import it), so their few fixed labels
live here rather than in the Qt Linguist files. Violation types come from the vault's
vocabulary (:mod:`nam_desktop.core.model.vocabulary`), the same words the app shows.

A summary is a signed evidentiary document: it uses the app's own terms (the glossary in
``docs/translation.md``). ``tests/gui/test_terminology.py`` checks each label that names
something the app also shows against the app's translation of it.
"""

from __future__ import annotations

LANGUAGES = ("en", "ru", "be")

# key: (en, ru, be)
_TABLE: dict[str, tuple[str, str, str]] = {
    "marking": ("CONFIDENTIAL: testimony of human-rights violations",
                "КОНФИДЕНЦИАЛЬНО: свидетельство о нарушениях прав человека",
                "КАНФІДЭНЦЫЙНА: сведчанне пра парушэнні правоў чалавека"),
    "doc_title": ("Interview summary", "Сводка интервью", "Зводка інтэрв'ю"),
    "record": ("Record", "Запись", "Запіс"),
    "revision": ("Revision", "Редакция", "Рэдакцыя"),
    "status": ("Status", "Статус", "Статус"),
    "status.draft": ("draft (not finalised)", "черновик (не завершён)",
                     "чарнавік (не завершаны)"),
    "status.final": ("final", "завершено", "завершана"),
    "status.delivered": ("delivered", "передано", "перададзена"),
    "redaction": ("Redaction level", "Уровень скрытия данных", "Узровень схавання даных"),
    "redaction.full": ("FULL (identity included, for HQ only)",
                       "ПОЛНЫЙ (с личными данными, только для штаба)",
                       "ПОЎНЫ (з асабовымі данымі, толькі для штаба)"),
    "redaction.pseudonymised": ("PSEUDONYMISED (no name, contacts or documents)",
                                "ПСЕВДОНИМИЗИРОВАННЫЙ (без имени, контактов и документов)",
                                "ПСЕЎДАНІМІЗАВАНЫ (без імя, кантактаў і дакументаў)"),
    "redaction.public": ("PUBLIC (coded facts only, no free text)",
                         "ПУБЛИЧНЫЙ (только структурированные сведения, без свободного текста)",
                         "ПУБЛІЧНЫ (толькі структураваныя звесткі, без свабоднага тэксту)"),
    "page_of": ("Page {page} of {pages}", "Страница {page} из {pages}",
                "Старонка {page} з {pages}"),
    "omitted": ("Free text is left out at this redaction level.",
                "На этом уровне скрытия данных свободный текст не включается.",
                "На гэтым узроўні схавання даных свабодны тэкст не ўключаецца."),
    "not_recorded": ("not recorded", "не указано", "не пазначана"),
    "yes": ("yes", "да", "так"),
    "no": ("no", "нет", "не"),
    # sections
    "sec.warnings": ("Warnings", "Предупреждения", "Папярэджанні"),
    "sec.interview": ("Interview", "Интервью", "Інтэрв'ю"),
    "sec.consent": ("Consent (permitted use)", "Согласие (разрешённое использование)",
                    "Згода (дазволенае выкарыстанне)"),
    "sec.witness": ("Witness", "Свидетель", "Сведка"),
    "sec.identity": ("Identity (restricted)", "Личные данные (ограниченный доступ)",
                     "Асабовыя даныя (абмежаваны доступ)"),
    "sec.acts": ("Acts", "Эпизоды", "Эпізоды"),
    "sec.account": ("Witness's account", "Рассказ свидетеля", "Расповед сведкі"),
    "sec.notes": ("Interviewer notes", "Заметки интервьюера", "Нататкі інтэрв'юера"),
    "sec.attachments": ("Attached files", "Приложенные файлы", "Далучаныя файлы"),
    "sec.images": ("Images (cleaned versions)", "Изображения (очищенные версии)",
                   "Выявы (ачышчаныя версіі)"),
    "sec.verification": ("Verification", "Проверка", "Праверка"),
    # interview
    "f.title": ("Title", "Название", "Назва"),
    "f.date": ("Date", "Дата", "Дата"),
    "f.place": ("Place", "Место", "Месца"),
    "f.mode": ("Mode", "Формат", "Фармат"),
    "mode.in_person": ("in person", "лично", "асабіста"),
    "mode.remote": ("remote", "удалённо", "дыстанцыйна"),
    "f.languages": ("Languages", "Языки", "Мовы"),
    "f.interpreter": ("Interpreter", "Переводчик", "Перакладчык"),
    "f.others_present": ("Others present", "Присутствовали также", "Прысутнічалі таксама"),
    "f.interviewer": ("Interviewer", "Интервьюер", "Інтэрв'юер"),
    # consent
    "c.hq_documentation": ("Documentation by HQ", "Документирование штабом",
                           "Дакументаванне штабам"),
    "c.anonymous_publication": ("Anonymous publication", "Анонимная публикация",
                                "Ананімная публікацыя"),
    "c.legal_proceedings": ("Legal proceedings", "Судебные разбирательства",
                            "Судовыя разгляды"),
    "c.audio_recording": ("Audio recording", "Аудиозапись", "Аўдыязапіс"),
    "c.anonymity_requested": ("Anonymity requested", "Запрошена анонимность",
                              "Запытаная ананімнасць"),
    "c.may_recontact": ("May be contacted again", "Можно связаться повторно",
                        "Можна звязацца паўторна"),
    "c.given_date": ("Consent given on", "Дата согласия", "Дата згоды"),
    "c.method": ("Method", "Способ", "Спосаб"),
    "method.oral": ("oral", "устно", "вусна"),
    "method.written": ("written", "письменно", "пісьмова"),
    "method.recorded": ("recorded", "в записи", "у запісе"),
    "c.withdrawn_at": ("WITHDRAWN on", "ОТОЗВАНО", "АДКЛІКАНА"),
    # witness
    "w.pseudonym": ("Pseudonym", "Псевдоним", "Псеўданім"),
    "w.gender": ("Gender", "Пол", "Пол"),
    "w.age_group": ("Age group", "Возрастная группа", "Узроставая група"),
    "w.role": ("Role", "Роль", "Роля"),
    "role.victim": ("victim", "пострадавший", "пацярпелы"),
    "role.witness": ("witness", "свидетель", "сведка"),
    "role.relative": ("relative", "родственник", "сваяк"),
    "role.other": ("other", "другое", "іншае"),
    "i.name": ("Name", "Имя", "Імя"),
    "i.birth_date": ("Date of birth", "Дата рождения", "Дата нараджэння"),
    "i.contact": ("Contact", "Контакты", "Кантакты"),
    "i.documents": ("Documents", "Документы", "Дакументы"),
    # acts
    "a.date": ("Date", "Дата", "Дата"),
    "a.place": ("Place", "Место", "Месца"),
    "a.victims": ("Victims", "Пострадавшие", "Пацярпелыя"),
    "a.status_after": ("Status afterwards", "Положение после", "Становішча пасля"),
    "a.perpetrators": ("Perpetrators", "Исполнители", "Выканаўцы"),
    "a.description": ("Description", "Описание", "Апісанне"),
    "date.unknown": ("date unknown", "дата неизвестна", "дата невядомая"),
    "n.reliability": ("Reliability", "Достоверность", "Надзейнасць"),
    "n.follow_up": ("Follow-up", "Дальнейшие шаги", "Далейшыя крокі"),
    "n.referrals": ("Referrals", "Перенаправление (к специалистам)",
                     "Перанакіраванне (да спецыялістаў)"),
    # attachments
    "att.file": ("File", "Файл", "Файл"),
    "att.type": ("Type", "Тип", "Тып"),
    "att.size": ("Size (bytes)", "Размер (байт)", "Памер (байт)"),
    "att.sha_cleaned": ("SHA-256, cleaned", "SHA-256, очищенный", "SHA-256, ачышчаны"),
    "att.sha_original": ("SHA-256, original", "SHA-256, оригинал", "SHA-256, арыгінал"),
    "att.status": ("Metadata", "Метаданные", "Метаданыя"),
    "clean.clean": ("removed", "удалены", "выдалены"),
    "clean.not_checked": ("NOT checked", "НЕ проверены", "НЕ правераны"),
    "clean.refused": ("could not be removed", "не удалось удалить", "не ўдалося выдаліць"),
    "att.none": ("No attached files.", "Приложенных файлов нет.", "Далучаных файлаў няма."),
    # verification
    "v.code": ("Verification code", "Код проверки", "Код праверкі"),
    "v.content_hash": ("Content SHA-256", "SHA-256 содержимого", "SHA-256 змесціва"),
    "v.fingerprint": ("Device fingerprint", "Отпечаток устройства", "Адбітак прылады"),
    "v.audit_head": ("Audit chain head", "Последняя запись журнала аудита",
                     "Апошні запіс журнала аўдыту"),
    "v.created_at": ("Created (UTC)", "Создано (UTC)", "Створана (UTC)"),
    "v.how": ("The code and the QR code carry the hash of the signed content of this "
              "summary. The PDF is signed inside the file (the signature panel of Adobe "
              "Acrobat or Okular shows it); the signed content is attached to it. Check: "
              "nam-desktop summary verify FILE.pdf --ca HQ_CA.pem",
              "Код и QR-код содержат хеш подписанного содержимого этой сводки. PDF "
              "подписан внутри файла (его показывает панель подписей Adobe Acrobat или "
              "Okular); подписанное содержимое вложено в файл. Проверка: "
              "nam-desktop summary verify FILE.pdf --ca HQ_CA.pem",
              "Код і QR-код змяшчаюць хэш падпісанага змесціва гэтай зводкі. PDF "
              "падпісаны ўнутры файла (яго паказвае панэль подпісаў Adobe Acrobat або "
              "Okular); падпісанае змесціва ўкладзена ў файл. Праверка: "
              "nam-desktop summary verify FILE.pdf --ca HQ_CA.pem"),
    # the signature block on the last page (the PDF signature field covers it)
    "sig.title": ("Digital signature of this PDF (PAdES)", "Электронная подпись этого PDF (PAdES)",
                  "Электронны подпіс гэтага PDF (PAdES)"),
    "sig.device": ("Signed by device", "Подписано устройством", "Падпісана прыладай"),
    "sig.certificate": ("Certificate", "Сертификат", "Сертыфікат"),
    "sig.certified": ("issued by HQ to {name}", "выдан штабом: {name}",
                      "выдадзены штабам: {name}"),
    "sig.not_certified": ("not yet certified by HQ (self-signed certificate of the device)",
                          "ещё не сертифицировано штабом (самоподписанный сертификат "
                          "устройства)",
                          "яшчэ не сертыфікавана штабам (самападпісаны сертыфікат прылады)"),
    "sig.date": ("Signed (UTC)", "Подписано (UTC)", "Падпісана (UTC)"),
    "sig.locked": ("No changes of any kind are allowed after signing: a changed copy shows "
                   "as invalid.",
                   "После подписи никакие изменения не допускаются: изменённая копия "
                   "отображается как недействительная.",
                   "Пасля подпісу ніякія змены не дапускаюцца: змененая копія "
                   "адлюстроўваецца як несапраўдная."),
    # warnings
    "warn.identity_in_free_text": (
        "The free text below contains the witness's recorded name or contact details "
        "(in: {fields}). Check before sharing this summary.",
        "Свободный текст ниже содержит записанное имя или контакты свидетеля "
        "(в полях: {fields}). Проверьте перед передачей сводки.",
        "Свабодны тэкст ніжэй змяшчае запісанае імя або кантакты сведкі "
        "(у палях: {fields}). Праверце перад перадачай зводкі."),
    "warn.consent_withdrawn": (
        "The witness has WITHDRAWN consent. This summary must not be shared.",
        "Свидетель ОТОЗВАЛ согласие. Эту сводку нельзя передавать.",
        "Сведка АДКЛІКАЎ згоду. Гэтую зводку нельга перадаваць."),
    "warn.no_publication_consent": (
        "The witness has not consented to anonymous publication.",
        "Свидетель не давал согласия на анонимную публикацию.",
        "Сведка не даваў згоды на ананімную публікацыю."),
    "warn.media_damaged": (
        "An attached file failed its integrity check in the vault ({fields}): it is "
        "missing, damaged or was altered after it was recorded. The hashes below are the "
        "ones recorded when it was added. Run a vault check.",
        "Приложенный файл не прошёл проверку целостности в хранилище ({fields}): он "
        "отсутствует, повреждён или изменён после записи. Ниже указаны хеши, записанные "
        "при его добавлении. Выполните проверку хранилища.",
        "Далучаны файл не прайшоў праверку цэласнасці ў сховішчы ({fields}): ён "
        "адсутнічае, пашкоджаны або зменены пасля запісу. Ніжэй пададзены хэшы, "
        "запісаныя пры яго даданні. Выканайце праверку сховішча."),
    "att.damaged": ("INTEGRITY CHECK FAILED", "ПРОВЕРКА ЦЕЛОСТНОСТИ НЕ ПРОЙДЕНА",
                    "ПРАВЕРКА ЦЭЛАСНАСЦІ НЕ ПРОЙДЗЕНА"),
    "att.integrity": ("In the vault", "В хранилище", "У сховішчы"),
    "warn.draft": (
        "This record is a draft: it has not been finalised.",
        "Это черновик: запись ещё не завершена.",
        "Гэта чарнавік: запіс яшчэ не завершаны."),
}


def label(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (English when unknown), with ``{name}`` filled in."""
    row = _TABLE.get(key)
    if row is None:
        return key
    text = row[LANGUAGES.index(lang)] if lang in LANGUAGES else row[0]
    return text.format(**values) if values else text


def has_label(key: str) -> bool:
    return key in _TABLE


def keys() -> list[str]:
    return list(_TABLE)
