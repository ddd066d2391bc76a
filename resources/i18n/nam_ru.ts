<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActsSection</name>
    <message>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Date, until, precision:</source>
        <translation>Дата, по, точность:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <source>Victims:</source>
        <translation>Пострадавшие:</translation>
    </message>
    <message>
        <source>Status afterwards:</source>
        <translation>Положение после:</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Что произошло:</translation>
    </message>
    <message>
        <source>Perpetrators:</source>
        <translation>Виновные:</translation>
    </message>
    <message>
        <source>Add act</source>
        <translation>Добавить эпизод</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add perpetrator</source>
        <translation>Добавить виновного</translation>
    </message>
    <message>
        <source>Search violation types…</source>
        <translation>Поиск по видам нарушений…</translation>
    </message>
    <message>
        <source>Search violation types</source>
        <translation>Поиск по видам нарушений</translation>
    </message>
    <message>
        <source>Violation type</source>
        <translation>Вид нарушения</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Эпизоды</translation>
    </message>
    <message>
        <source>Date of the act</source>
        <translation>Дата эпизода</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Precision of the date</source>
        <translation>Точность даты</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>Виновные</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Звание</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>exact day</source>
        <translation>точный день</translation>
    </message>
    <message>
        <source>month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <source>range</source>
        <translation>период</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(вид не выбран)</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>или перетащите файлы сюда</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Метаданные</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Риск</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Metadata report</source>
        <translation>Отчёт о метаданных</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Приложенные файлы</translation>
    </message>
    <message>
        <source>Progress of adding files</source>
        <translation>Ход добавления файлов</translation>
    </message>
    <message>
        <source>removed, verified</source>
        <translation>удалены и проверены</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>не проверены</translation>
    </message>
    <message>
        <source>could not be removed</source>
        <translation>не удалось удалить</translation>
    </message>
    <message>
        <source>identifying</source>
        <translation>раскрывает личность</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>чувствительное</translation>
    </message>
    <message>
        <source>harmless</source>
        <translation>безопасное</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Метаданные: %1</translation>
    </message>
    <message>
        <source>Before cleaning</source>
        <translation>До очистки</translation>
    </message>
    <message>
        <source>After cleaning</source>
        <translation>После очистки</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>SHA-256 of the original: %1</source>
        <translation>SHA-256 оригинала: %1</translation>
    </message>
    <message>
        <source>SHA-256 after cleaning: %1</source>
        <translation>SHA-256 после очистки: %1</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Загрузка просмотра…</translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation>Для файлов этого типа просмотра нет.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Приложить файлы</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>Некоторые файлы не добавлены</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Удалить файл</translation>
    </message>
    <message>
        <source>Remove “%1” from this testimony? Both versions are destroyed and cannot be restored.</source>
        <translation>Удалить «%1» из этого свидетельства? Обе версии будут уничтожены без возможности восстановления.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consent given on:</source>
        <translation>Дата согласия:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Как дано:</translation>
    </message>
    <message>
        <source>The witness agrees to</source>
        <translation>Свидетель даёт согласие на</translation>
    </message>
    <message>
        <source>documentation by HQ</source>
        <translation>документирование штабом</translation>
    </message>
    <message>
        <source>anonymous publication</source>
        <translation>анонимную публикацию</translation>
    </message>
    <message>
        <source>use in legal proceedings</source>
        <translation>использование в судебных разбирательствах</translation>
    </message>
    <message>
        <source>audio recording</source>
        <translation>аудиозапись</translation>
    </message>
    <message>
        <source>The witness asks to stay anonymous</source>
        <translation>Свидетель просит сохранить анонимность</translation>
    </message>
    <message>
        <source>We may contact the witness again</source>
        <translation>Со свидетелем можно связаться снова</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Устно</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Письменно</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>В записи</translation>
    </message>
    <message>
        <source>Record withdrawal of consent…</source>
        <translation>Записать отзыв согласия…</translation>
    </message>
    <message>
        <source>Record renewed consent…</source>
        <translation>Записать возобновление согласия…</translation>
    </message>
    <message>
        <source>Consent was withdrawn on %1.</source>
        <translation>Согласие отозвано %1.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>Year, year and month, or full date: 2020, 2020-08, 2020-08-12</source>
        <translation>Год, год и месяц или полная дата: 2020, 2020-08, 2020-08-12</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Creating the vault…</source>
        <translation>Создаётся хранилище…</translation>
    </message>
    <message>
        <source>The vault is ready. This is the fingerprint of this device:</source>
        <translation>Хранилище готово. Отпечаток этого устройства:</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Это устройство</translation>
    </message>
    <message>
        <source>Read it to HQ over a trusted channel (a call, in person). HQ compares it with the fingerprint on your bundles.</source>
        <translation>Продиктуйте его штабу по надёжному каналу (звонок, лично). Штаб сверит его с отпечатком на ваших пакетах.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>NAM Desktop: first start</source>
        <translation>NAM Desktop: первый запуск</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Folder for the vault</source>
        <translation>Папка для хранилища</translation>
    </message>
    <message>
        <source>Where to keep the vault</source>
        <translation>Где хранить хранилище</translation>
    </message>
    <message>
        <source>The vault is a folder holding the encrypted testimonies and files. An encrypted USB stick is a good place. The folder must be new or empty.</source>
        <translation>Хранилище — это папка с зашифрованными свидетельствами и файлами. Хорошее место — зашифрованная флешка. Папка должна быть новой или пустой.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>created</source>
        <translation>создано</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <source>reopened for a new revision</source>
        <translation>открыто для новой редакции</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>consent recorded</source>
        <translation>согласие записано</translation>
    </message>
    <message>
        <source>consent changed</source>
        <translation>согласие изменено</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>согласие отозвано</translation>
    </message>
    <message>
        <source>consent renewed</source>
        <translation>согласие возобновлено</translation>
    </message>
    <message>
        <source>file attached</source>
        <translation>файл приложен</translation>
    </message>
    <message>
        <source>file removed</source>
        <translation>файл удалён</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Редакции</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Редакция %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
</context>
<context>
    <name>InterviewSection</name>
    <message>
        <source>Interview date:</source>
        <translation>Дата интервью:</translation>
    </message>
    <message>
        <source>Until (if several days):</source>
        <translation>По (если несколько дней):</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Языки:</translation>
    </message>
    <message>
        <source>Interpreter:</source>
        <translation>Переводчик:</translation>
    </message>
    <message>
        <source>Others present:</source>
        <translation>Присутствовали также:</translation>
    </message>
    <message>
        <source>Interviewer:</source>
        <translation>Интервьюер:</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Удалённо</translation>
    </message>
    <message>
        <source>e.g. be, ru</source>
        <translation>например: be, ru</translation>
    </message>
</context>
<context>
    <name>InterviewerPage</name>
    <message>
        <source>Interviewer</source>
        <translation>Интервьюер</translation>
    </message>
    <message>
        <source>Your name or the code HQ gave you. It is stored inside the vault and added to each testimony you record.</source>
        <translation>Ваше имя или код, выданный штабом. Он хранится в хранилище и добавляется к каждому записанному вами свидетельству.</translation>
    </message>
    <message>
        <source>Interviewer name or code</source>
        <translation>Имя или код интервьюера</translation>
    </message>
    <message>
        <source>e.g. INT-07</source>
        <translation>например: INT-07</translation>
    </message>
</context>
<context>
    <name>KeyCardPage</name>
    <message>
        <source>HQ&apos;s key card (optional)</source>
        <translation>Ключевая карта штаба (необязательно)</translation>
    </message>
    <message>
        <source>HQ&apos;s key card lets you send encrypted bundles that only HQ can open. Importing it will be possible from Settings in a later version; you can finish now.</source>
        <translation>Ключевая карта штаба позволяет отправлять зашифрованные пакеты, которые сможет открыть только штаб. Импорт станет доступен в настройках в следующей версии; сейчас можно завершить.</translation>
    </message>
    <message>
        <source>Import key card…</source>
        <translation>Импортировать ключевую карту…</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>This app keeps testimonies in an encrypted vault on this computer. Choose the language of the app.</source>
        <translation>Приложение хранит свидетельства в зашифрованном хранилище на этом компьютере. Выберите язык приложения.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>NAM Desktop is already running. Look for its window.</source>
        <translation>NAM Desktop уже запущен. Найдите его окно.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>NAM Desktop</source>
        <translation>NAM Desktop</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Новое свидетельство</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Заблокировать сейчас (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Search all testimonies…</source>
        <translation>Поиск по всем свидетельствам…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Violation:</source>
        <translation>Нарушение:</translation>
    </message>
    <message>
        <source>Interview date:</source>
        <translation>Дата интервью:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Завершённые</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Переданные</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <source>Filter by violation type</source>
        <translation>Фильтр по виду нарушения</translation>
    </message>
    <message>
        <source>Interview date from</source>
        <translation>Дата интервью с</translation>
    </message>
    <message>
        <source>Interview date until</source>
        <translation>Дата интервью по</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Свидетельства</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Matches in the text:</source>
        <translation>Совпадения в тексте:</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Главная панель</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Не удаётся открыть</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
</context>
<context>
    <name>MediaPlayerWidget</name>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Позиция воспроизведения</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The passphrase is not correct. Check the keyboard layout and Caps Lock.</source>
        <translation>Неверная парольная фраза. Проверьте раскладку клавиатуры и Caps Lock.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file is damaged. Restore the vault folder from a backup.</source>
        <translation>Файл ключа хранилища повреждён. Восстановите папку хранилища из резервной копии.</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Restore it from a backup.</source>
        <translation>Хранилище повреждено и не может быть открыто. Восстановите его из резервной копии.</translation>
    </message>
    <message>
        <source>An attached file is missing from the vault folder.</source>
        <translation>В папке хранилища не хватает приложенного файла.</translation>
    </message>
    <message>
        <source>An attached file in the vault is damaged or was altered.</source>
        <translation>Приложенный файл в хранилище повреждён или был изменён.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <source>This vault is already open in another window or program. Close it there first.</source>
        <translation>Это хранилище уже открыто в другом окне или программе. Сначала закройте его там.</translation>
    </message>
    <message>
        <source>There is no vault in this folder.</source>
        <translation>В этой папке нет хранилища.</translation>
    </message>
    <message>
        <source>This folder is not empty. Choose an empty or new folder for the vault.</source>
        <translation>Эта папка не пуста. Выберите для хранилища пустую или новую папку.</translation>
    </message>
    <message>
        <source>Some of the input is not valid.</source>
        <translation>Часть введённых данных неверна.</translation>
    </message>
    <message>
        <source>The item was not found. It may have been deleted.</source>
        <translation>Запись не найдена. Возможно, она была удалена.</translation>
    </message>
    <message>
        <source>Some required information is missing.</source>
        <translation>Не хватает обязательных сведений.</translation>
    </message>
    <message>
        <source>This file type is not supported.</source>
        <translation>Этот тип файлов не поддерживается.</translation>
    </message>
    <message>
        <source>The file is damaged or not what its name says.</source>
        <translation>Файл повреждён или не соответствует своему имени.</translation>
    </message>
    <message>
        <source>The app may not read or write there.</source>
        <translation>У приложения нет права читать или писать здесь.</translation>
    </message>
    <message>
        <source>a title</source>
        <extracomment>Names of what ``missing_for_finalize`` can report.</extracomment>
        <translation>название</translation>
    </message>
    <message>
        <source>the interview date</source>
        <translation>дата интервью</translation>
    </message>
    <message>
        <source>the witness&apos;s pseudonym</source>
        <translation>псевдоним свидетеля</translation>
    </message>
    <message>
        <source>the witness&apos;s consent (date, method or purpose)</source>
        <translation>согласие свидетеля (дата, способ или цель)</translation>
    </message>
    <message>
        <source>consent to documentation by HQ</source>
        <translation>согласие на документирование штабом</translation>
    </message>
    <message>
        <source>consent was withdrawn: renew it before finalising</source>
        <translation>согласие отозвано: возобновите его перед завершением</translation>
    </message>
    <message>
        <source>the witness&apos;s account or at least one act</source>
        <translation>рассказ свидетеля или хотя бы один эпизод</translation>
    </message>
    <message>
        <source>The passphrase must be at least 8 characters long.</source>
        <translation>Парольная фраза должна содержать не меньше 8 символов.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; please try again.</source>
        <translation>Что-то пошло не так. Ничего не потеряно; попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Используйте не меньше %n символа.</numerusform>
            <numerusform>Используйте не меньше %n символов.</numerusform>
            <numerusform>Используйте не меньше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Несколько не связанных между собой слов легко запомнить и трудно угадать.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Надёжность:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>Nobody can recover a lost passphrase: not HQ, not the developers. If you forget it, every testimony in this vault is lost for good. Write it down and keep it somewhere safe, away from this computer.</source>
        <translation>Утерянную парольную фразу не сможет восстановить никто: ни штаб, ни разработчики. Если вы её забудете, все свидетельства в этом хранилище будут потеряны навсегда. Запишите её и храните в надёжном месте, отдельно от этого компьютера.</translation>
    </message>
    <message>
        <source>I understand that a lost passphrase cannot be recovered</source>
        <translation>Я понимаю, что утерянную парольную фразу восстановить нельзя</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>RecorderWidget</name>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>No microphone found. Connect one to record; everything else works as usual.</source>
        <translation>Микрофон не найден. Подключите его, чтобы записывать; всё остальное работает как обычно.</translation>
    </message>
    <message>
        <source>Recording is not allowed: the witness has not consented to audio recording. Tick it in the consent section first.</source>
        <translation>Запись не разрешена: свидетель не дал согласия на аудиозапись. Сначала отметьте его в разделе согласия.</translation>
    </message>
    <message>
        <source>Ready. The recording goes straight into the encrypted vault.</source>
        <translation>Готово. Запись идёт прямо в зашифрованное хранилище.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Идёт запись…</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Пауза.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Add marker</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <source>Optional note for the marker</source>
        <translation>Заметка к метке (необязательно)</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Воспроизвести / пауза</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Уровень входа</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>Не удалось включить микрофон.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Lock after (minutes idle):</source>
        <translation>Блокировать после (минут бездействия):</translation>
    </message>
    <message>
        <source>Save drafts every (seconds):</source>
        <translation>Сохранять черновики каждые (секунд):</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Текущая парольная фраза:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Новая парольная фраза:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Надёжность:</translation>
    </message>
    <message>
        <source>Keep the original files next to the cleaned copies</source>
        <translation>Хранить оригиналы файлов рядом с очищенными копиями</translation>
    </message>
    <message>
        <source>When you attach a photo or document, the app removes hidden information from it (location, camera serial number, author names) and keeps that cleaned copy. Keeping the original as well can help prove that a file is authentic, but the original still holds that hidden information, encrypted in the vault. If this device might be seized, it is safer not to keep originals. The choice applies to files attached from now on.</source>
        <translation>Когда вы прикладываете фото или документ, приложение удаляет из него скрытые сведения (место съёмки, серийный номер камеры, имена авторов) и сохраняет очищенную копию. Оригинал может помочь доказать подлинность файла, но в нём остаются эти скрытые сведения (в зашифрованном виде в хранилище). Если устройство могут изъять, безопаснее оригиналы не хранить. Выбор действует для файлов, добавленных с этого момента.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Сменить парольную фразу</translation>
    </message>
    <message>
        <source>NAM Desktop %1
Qt %2, PySide %3, Python %4

Fingerprint of this device (read it to HQ to confirm your bundles):</source>
        <translation>NAM Desktop %1
Qt %2, PySide %3, Python %4

Отпечаток этого устройства (продиктуйте его штабу для проверки ваших пакетов):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>Парольная фраза изменена. Теперь используйте новую.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>too short</source>
        <translation>слишком короткая</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>слабая</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>средняя</translation>
    </message>
    <message>
        <source>good</source>
        <translation>хорошая</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>надёжная</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Надёжность парольной фразы</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>No name, birth date, contacts or documents. The account and other free text are shown as written: check them for names before sharing.</source>
        <translation>Без имени, даты рождения, контактов и документов. Рассказ и другой свободный текст показаны как есть: перед передачей проверьте, нет ли в них имён.</translation>
    </message>
    <message>
        <source>Includes the witness&apos;s name, birth date, contacts and documents. For HQ only.</source>
        <translation>Содержит имя свидетеля, дату рождения, контакты и документы. Только для штаба.</translation>
    </message>
    <message>
        <source>Only coded facts: types of violation, dates, consent. No free text at all.</source>
        <translation>Только кодированные факты: виды нарушений, даты, согласие. Никакого свободного текста.</translation>
    </message>
    <message>
        <source>The witness has withdrawn consent. This summary must not be shared.</source>
        <translation>Свидетель отозвал согласие. Эту сводку нельзя передавать.</translation>
    </message>
    <message>
        <source>This record is a draft: it has not been finalised.</source>
        <translation>Это черновик: запись ещё не завершена.</translation>
    </message>
    <message>
        <source>The witness has not consented to anonymous publication.</source>
        <translation>Свидетель не давал согласия на анонимную публикацию.</translation>
    </message>
    <message>
        <source>The free text contains the witness&apos;s recorded name or contact details.</source>
        <translation>Свободный текст содержит записанное имя или контакты свидетеля.</translation>
    </message>
    <message>
        <source>Interview summary</source>
        <translation>Сводка интервью</translation>
    </message>
    <message>
        <source>Pseudonymised (default)</source>
        <translation>С псевдонимом (по умолчанию)</translation>
    </message>
    <message>
        <source>Full: with identity (HQ only)</source>
        <translation>Полная: с личными данными (только для штаба)</translation>
    </message>
    <message>
        <source>Public: coded facts only</source>
        <translation>Публичная: только кодированные факты</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Include interviewer notes</source>
        <translation>Включить заметки интервьюера</translation>
    </message>
    <message>
        <source>Include image thumbnails</source>
        <translation>Включить миниатюры изображений</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Предварительный просмотр…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Redaction level:</source>
        <translation>Уровень скрытия:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Бумага:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>Код проверки: %1</translation>
    </message>
    <message>
        <source>This summary includes the witness&apos;s identity. It is for HQ only.</source>
        <translation>Эта сводка содержит личные данные свидетеля. Она только для штаба.</translation>
    </message>
    <message>
        <source>Continue?</source>
        <translation>Продолжить?</translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation>Сохранить сводку в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The summary and its signature file (.sig) were saved.

Verification code: %1</source>
        <translation>Сводка и файл её подписи (.sig) сохранены.

Код проверки: %1</translation>
    </message>
    <message>
        <source>Printing makes a paper copy that is outside the vault&apos;s protection.

• Printers and print servers can keep a copy of each job in their memory or on disk (the print queue), and the computer may keep it for a while too.
• Colour laser printers add nearly invisible yellow tracking dots that can identify the printer.

Use a printer you trust, collect the pages at once, and store or destroy them safely. Print now?</source>
        <translation>Печать создаёт бумажную копию вне защиты хранилища.

• Принтеры и серверы печати могут сохранять копию каждого задания в памяти или на диске (очередь печати), и компьютер тоже может какое-то время её хранить.
• Цветные лазерные принтеры добавляют почти невидимые жёлтые точки, по которым можно определить принтер.

Пользуйтесь принтером, которому доверяете, сразу забирайте страницы, храните или уничтожайте их надёжно. Печатать сейчас?</translation>
    </message>
    <message>
        <source>Before printing</source>
        <translation>Перед печатью</translation>
    </message>
    <message>
        <source>The printer could not be started. Nothing was printed.</source>
        <translation>Не удалось запустить принтер. Ничего не напечатано.</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Эпизоды</translation>
    </message>
    <message>
        <source>Witness&apos;s account</source>
        <translation>Рассказ свидетеля</translation>
    </message>
    <message>
        <source>Interviewer notes</source>
        <translation>Заметки интервьюера</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Short title, e.g. “Detention in Okrestina, August 2020”</source>
        <translation>Краткое название, например «Задержание на Окрестина, август 2020»</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Завершить…</translation>
    </message>
    <message>
        <source>Check that nothing required is missing and create an unchangeable revision</source>
        <translation>Проверить, что ничего обязательного не пропущено, и создать неизменяемую редакцию</translation>
    </message>
    <message>
        <source>Summary / print…</source>
        <translation>Сводка / печать…</translation>
    </message>
    <message>
        <source>Revision %1 is final and stays as it is. If you change anything, your changes become the draft of revision %2.</source>
        <translation>Редакция %1 завершена и останется как есть. Если вы что-то измените, изменения станут черновиком редакции %2.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Редактирование…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено %1</translation>
    </message>
    <message>
        <source>Cannot finalise yet. Missing:</source>
        <translation>Пока нельзя завершить. Не хватает:</translation>
    </message>
    <message>
        <source>Not ready to finalise</source>
        <translation>Не готово к завершению</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Create an unchangeable revision of this testimony? Later edits start a new revision; this one stays as it is.</source>
        <translation>Создать неизменяемую редакцию этого свидетельства? Последующие правки начнут новую редакцию; эта останется как есть.</translation>
    </message>
    <message>
        <source>This revision is already final.</source>
        <translation>Эта редакция уже завершена.</translation>
    </message>
    <message>
        <source>Revision %1 is final</source>
        <translation>Редакция %1 завершена</translation>
    </message>
    <message>
        <source>Record that the witness withdrew consent? The testimony cannot be finalised or sent until consent is renewed.</source>
        <translation>Записать, что свидетель отозвал согласие? Свидетельство нельзя будет завершить или отправить, пока согласие не возобновлено.</translation>
    </message>
    <message>
        <source>Record that the witness gave consent again today?</source>
        <translation>Записать, что свидетель сегодня снова дал согласие?</translation>
    </message>
</context>
<context>
    <name>TestimonyModel</name>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Дата интервью</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Передано</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>согласие отозвано</translation>
    </message>
</context>
<context>
    <name>TextSection</name>
    <message>
        <source>Reliability:</source>
        <translation>Достоверность:</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Дальнейшие шаги:</translation>
    </message>
    <message>
        <source>Referrals:</source>
        <translation>Направления:</translation>
    </message>
    <message>
        <source>Your own notes: observations, context, what to check. They are not part of the witness&apos;s words.</source>
        <translation>Ваши собственные заметки: наблюдения, контекст, что проверить. Это не слова свидетеля.</translation>
    </message>
    <message>
        <source>Interviewer notes</source>
        <translation>Заметки интервьюера</translation>
    </message>
    <message>
        <source>The witness&apos;s account, as close to their own words as possible.</source>
        <translation>Рассказ свидетеля, как можно ближе к его собственным словам.</translation>
    </message>
    <message>
        <source>Witness&apos;s account</source>
        <translation>Рассказ свидетеля</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>NAM Desktop: unlock</source>
        <translation>NAM Desktop: разблокировка</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Разблокировать хранилище</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>Другая папка…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation>Создать новое хранилище…</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Хранилище:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Разблокировка</translation>
    </message>
</context>
<context>
    <name>WitnessSection</name>
    <message>
        <source>Pseudonym:</source>
        <translation>Псевдоним:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>Age group:</source>
        <translation>Возрастная группа:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Полное имя:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Пострадавший</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Родственник</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Hide identity</source>
        <translation>Скрыть личные данные</translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation>Показать личные данные</translation>
    </message>
    <message>
        <source>Identity (kept separately, never exported without need)</source>
        <translation>Личные данные (хранятся отдельно, без необходимости не экспортируются)</translation>
    </message>
    <message>
        <source>The real name and contacts stay hidden until you ask. Make sure nobody is looking at the screen.</source>
        <translation>Настоящее имя и контакты скрыты, пока вы не попросите их показать. Убедитесь, что никто не смотрит на экран.</translation>
    </message>
</context>
</TS>
