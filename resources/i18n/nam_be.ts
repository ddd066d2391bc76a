<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="be_BY">
<context>
    <name>ActsSection</name>
    <message>
        <source>Type:</source>
        <translation>Тып:</translation>
    </message>
    <message>
        <source>Date, until, precision:</source>
        <translation>Дата, па, дакладнасць:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Месца:</translation>
    </message>
    <message>
        <source>Victims:</source>
        <translation>Пацярпелыя:</translation>
    </message>
    <message>
        <source>Status afterwards:</source>
        <translation>Становішча пасля:</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Што адбылося:</translation>
    </message>
    <message>
        <source>Perpetrators:</source>
        <translation>Вінаватыя:</translation>
    </message>
    <message>
        <source>Add act</source>
        <translation>Дадаць эпізод</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Выдаліць</translation>
    </message>
    <message>
        <source>Add perpetrator</source>
        <translation>Дадаць вінаватага</translation>
    </message>
    <message>
        <source>Search violation types…</source>
        <translation>Пошук па відах парушэнняў…</translation>
    </message>
    <message>
        <source>Search violation types</source>
        <translation>Пошук па відах парушэнняў</translation>
    </message>
    <message>
        <source>Violation type</source>
        <translation>Від парушэння</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Эпізоды</translation>
    </message>
    <message>
        <source>Date of the act</source>
        <translation>Дата эпізоду</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Па</translation>
    </message>
    <message>
        <source>Precision of the date</source>
        <translation>Дакладнасць даты</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>Вінаватыя</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Падраздзяленне</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Званне</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Апісанне</translation>
    </message>
    <message>
        <source>exact day</source>
        <translation>дакладны дзень</translation>
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
        <translation>перыяд</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невядома</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(від не абраны)</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Дадаць файлы…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Выдаліць</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>або перацягніце файлы сюды</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Метаданыя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тып</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значэнне</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Рызыка</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Metadata report</source>
        <translation>Справаздача пра метаданыя</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Прагляд</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Далучаныя файлы</translation>
    </message>
    <message>
        <source>Progress of adding files</source>
        <translation>Ход дадавання файлаў</translation>
    </message>
    <message>
        <source>removed, verified</source>
        <translation>выдалены і правераны</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>не правераны</translation>
    </message>
    <message>
        <source>could not be removed</source>
        <translation>не ўдалося выдаліць</translation>
    </message>
    <message>
        <source>identifying</source>
        <translation>раскрывае асобу</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>адчувальнае</translation>
    </message>
    <message>
        <source>harmless</source>
        <translation>бяспечнае</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Метаданыя: %1</translation>
    </message>
    <message>
        <source>Before cleaning</source>
        <translation>Да ачысткі</translation>
    </message>
    <message>
        <source>After cleaning</source>
        <translation>Пасля ачысткі</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Выдалена</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заўвагі</translation>
    </message>
    <message>
        <source>SHA-256 of the original: %1</source>
        <translation>SHA-256 арыгінала: %1</translation>
    </message>
    <message>
        <source>SHA-256 after cleaning: %1</source>
        <translation>SHA-256 пасля ачысткі: %1</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Загрузка прагляду…</translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation>Для файлаў гэтага тыпу прагляду няма.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Далучыць файлы</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>Некаторыя файлы не дададзены</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Выдаліць файл</translation>
    </message>
    <message>
        <source>Remove “%1” from this testimony? Both versions are destroyed and cannot be restored.</source>
        <translation>Выдаліць «%1» з гэтага сведчання? Абедзве версіі будуць знішчаны без магчымасці аднаўлення.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consent given on:</source>
        <translation>Дата згоды:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Як дадзена:</translation>
    </message>
    <message>
        <source>The witness agrees to</source>
        <translation>Сведка дае згоду на</translation>
    </message>
    <message>
        <source>documentation by HQ</source>
        <translation>дакументаванне штабам</translation>
    </message>
    <message>
        <source>anonymous publication</source>
        <translation>ананімную публікацыю</translation>
    </message>
    <message>
        <source>use in legal proceedings</source>
        <translation>выкарыстанне ў судовых разглядах</translation>
    </message>
    <message>
        <source>audio recording</source>
        <translation>аўдыязапіс</translation>
    </message>
    <message>
        <source>The witness asks to stay anonymous</source>
        <translation>Сведка просіць захаваць ананімнасць</translation>
    </message>
    <message>
        <source>We may contact the witness again</source>
        <translation>Са сведкам можна звязацца зноў</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Вусна</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Пісьмова</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>У запісе</translation>
    </message>
    <message>
        <source>Record withdrawal of consent…</source>
        <translation>Запісаць адкліканне згоды…</translation>
    </message>
    <message>
        <source>Record renewed consent…</source>
        <translation>Запісаць аднаўленне згоды…</translation>
    </message>
    <message>
        <source>Consent was withdrawn on %1.</source>
        <translation>Згода адклікана %1.</translation>
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
        <translation>Год, год і месяц або поўная дата: 2020, 2020-08, 2020-08-12</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Creating the vault…</source>
        <translation>Ствараецца сховішча…</translation>
    </message>
    <message>
        <source>The vault is ready. This is the fingerprint of this device:</source>
        <translation>Сховішча гатовае. Адбітак гэтай прылады:</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Гэтая прылада</translation>
    </message>
    <message>
        <source>Read it to HQ over a trusted channel (a call, in person). HQ compares it with the fingerprint on your bundles.</source>
        <translation>Прадыктуйце яго штабу праз надзейны канал (званок, асабіста). Штаб зверыць яго з адбіткам на вашых пакетах.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>NAM Desktop: first start</source>
        <translation>NAM Desktop: першы запуск</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Стварыць сховішча</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далей</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Гатова</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Folder for the vault</source>
        <translation>Папка для сховішча</translation>
    </message>
    <message>
        <source>Where to keep the vault</source>
        <translation>Дзе трымаць сховішча</translation>
    </message>
    <message>
        <source>The vault is a folder holding the encrypted testimonies and files. An encrypted USB stick is a good place. The folder must be new or empty.</source>
        <translation>Сховішча — гэта папка з зашыфраванымі сведчаннямі і файламі. Добрае месца — зашыфраваная флэшка. Папка павінна быць новай або пустой.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Абраць…</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Папка сховішча</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>created</source>
        <translation>створана</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>захавана</translation>
    </message>
    <message>
        <source>reopened for a new revision</source>
        <translation>адкрыта для новай рэдакцыі</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>завершана</translation>
    </message>
    <message>
        <source>consent recorded</source>
        <translation>згода запісана</translation>
    </message>
    <message>
        <source>consent changed</source>
        <translation>згода зменена</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>згода адклікана</translation>
    </message>
    <message>
        <source>consent renewed</source>
        <translation>згода адноўлена</translation>
    </message>
    <message>
        <source>file attached</source>
        <translation>файл далучаны</translation>
    </message>
    <message>
        <source>file removed</source>
        <translation>файл выдалены</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Калі</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Што</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Падрабязнасці</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Гісторыя</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Рэдакцыі</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Рэдакцыя %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Падзеі</translation>
    </message>
</context>
<context>
    <name>InterviewSection</name>
    <message>
        <source>Interview date:</source>
        <translation>Дата інтэрв&apos;ю:</translation>
    </message>
    <message>
        <source>Until (if several days):</source>
        <translation>Па (калі некалькі дзён):</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Месца:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Фармат:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Мовы:</translation>
    </message>
    <message>
        <source>Interpreter:</source>
        <translation>Перакладчык:</translation>
    </message>
    <message>
        <source>Others present:</source>
        <translation>Прысутнічалі таксама:</translation>
    </message>
    <message>
        <source>Interviewer:</source>
        <translation>Інтэрв&apos;юер:</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Асабіста</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Дыстанцыйна</translation>
    </message>
    <message>
        <source>e.g. be, ru</source>
        <translation>напрыклад: be, ru</translation>
    </message>
</context>
<context>
    <name>InterviewerPage</name>
    <message>
        <source>Interviewer</source>
        <translation>Інтэрв&apos;юер</translation>
    </message>
    <message>
        <source>Your name or the code HQ gave you. It is stored inside the vault and added to each testimony you record.</source>
        <translation>Ваша імя або код, выдадзены штабам. Ён захоўваецца ў сховішчы і дадаецца да кожнага запісанага вамі сведчання.</translation>
    </message>
    <message>
        <source>Interviewer name or code</source>
        <translation>Імя або код інтэрв&apos;юера</translation>
    </message>
    <message>
        <source>e.g. INT-07</source>
        <translation>напрыклад: INT-07</translation>
    </message>
</context>
<context>
    <name>KeyCardPage</name>
    <message>
        <source>HQ&apos;s key card (optional)</source>
        <translation>Ключавая картка штаба (неабавязкова)</translation>
    </message>
    <message>
        <source>HQ&apos;s key card lets you send encrypted bundles that only HQ can open. Importing it will be possible from Settings in a later version; you can finish now.</source>
        <translation>Ключавая картка штаба дазваляе адпраўляць зашыфраваныя пакеты, якія зможа адкрыць толькі штаб. Імпарт стане даступны ў наладах у наступнай версіі; зараз можна завяршыць.</translation>
    </message>
    <message>
        <source>Import key card…</source>
        <translation>Імпартаваць ключавую картку…</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome</source>
        <translation>Вітаем</translation>
    </message>
    <message>
        <source>This app keeps testimonies in an encrypted vault on this computer. Choose the language of the app.</source>
        <translation>Праграма захоўвае сведчанні ў зашыфраваным сховішчы на гэтым камп&apos;ютары. Абярыце мову праграмы.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>NAM Desktop is already running. Look for its window.</source>
        <translation>NAM Desktop ужо запушчаны. Знайдзіце яго акно.</translation>
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
        <translation>Новае сведчанне</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблакаваць</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Заблакаваць зараз (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налады</translation>
    </message>
    <message>
        <source>Search all testimonies…</source>
        <translation>Пошук па ўсіх сведчаннях…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Violation:</source>
        <translation>Парушэнне:</translation>
    </message>
    <message>
        <source>Interview date:</source>
        <translation>Дата інтэрв&apos;ю:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усе</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Чарнавікі</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Завершаныя</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Перададзеныя</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Усе віды</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Фільтр па статусе</translation>
    </message>
    <message>
        <source>Filter by violation type</source>
        <translation>Фільтр па відзе парушэння</translation>
    </message>
    <message>
        <source>Interview date from</source>
        <translation>Дата інтэрв&apos;ю з</translation>
    </message>
    <message>
        <source>Interview date until</source>
        <translation>Дата інтэрв&apos;ю па</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Сведчанні</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Вынікі пошуку</translation>
    </message>
    <message>
        <source>Matches in the text:</source>
        <translation>Супадзенні ў тэксце:</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Галоўная панэль</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Не ўдаецца адкрыць</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Нічога не знойдзена.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Не ўдалося захаваць: %1</translation>
    </message>
</context>
<context>
    <name>MediaPlayerWidget</name>
    <message>
        <source>Pause</source>
        <translation>Паўза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Прайграць</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Пазіцыя прайгравання</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The passphrase is not correct. Check the keyboard layout and Caps Lock.</source>
        <translation>Няправільная парольная фраза. Праверце раскладку клавіятуры і Caps Lock.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file is damaged. Restore the vault folder from a backup.</source>
        <translation>Файл ключа сховішча пашкоджаны. Аднавіце папку сховішча з рэзервовай копіі.</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Restore it from a backup.</source>
        <translation>Сховішча пашкоджана, і яго немагчыма адкрыць. Аднавіце яго з рэзервовай копіі.</translation>
    </message>
    <message>
        <source>An attached file is missing from the vault folder.</source>
        <translation>У папцы сховішча не хапае далучанага файла.</translation>
    </message>
    <message>
        <source>An attached file in the vault is damaged or was altered.</source>
        <translation>Далучаны файл у сховішчы пашкоджаны або быў зменены.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Сховішча заблакавана.</translation>
    </message>
    <message>
        <source>This vault is already open in another window or program. Close it there first.</source>
        <translation>Гэтае сховішча ўжо адкрыта ў іншым акне або праграме. Спачатку зачыніце яго там.</translation>
    </message>
    <message>
        <source>There is no vault in this folder.</source>
        <translation>У гэтай папцы няма сховішча.</translation>
    </message>
    <message>
        <source>This folder is not empty. Choose an empty or new folder for the vault.</source>
        <translation>Гэтая папка не пустая. Абярыце для сховішча пустую або новую папку.</translation>
    </message>
    <message>
        <source>Some of the input is not valid.</source>
        <translation>Частка ўведзеных даных няправільная.</translation>
    </message>
    <message>
        <source>The item was not found. It may have been deleted.</source>
        <translation>Запіс не знойдзены. Магчыма, яго выдалілі.</translation>
    </message>
    <message>
        <source>Some required information is missing.</source>
        <translation>Не хапае абавязковых звестак.</translation>
    </message>
    <message>
        <source>This file type is not supported.</source>
        <translation>Гэты тып файлаў не падтрымліваецца.</translation>
    </message>
    <message>
        <source>The file is damaged or not what its name says.</source>
        <translation>Файл пашкоджаны або не адпавядае сваёй назве.</translation>
    </message>
    <message>
        <source>The app may not read or write there.</source>
        <translation>У праграмы няма права чытаць або пісаць тут.</translation>
    </message>
    <message>
        <source>a title</source>
        <extracomment>Names of what ``missing_for_finalize`` can report.</extracomment>
        <translation>назва</translation>
    </message>
    <message>
        <source>the interview date</source>
        <translation>дата інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>the witness&apos;s pseudonym</source>
        <translation>псеўданім сведкі</translation>
    </message>
    <message>
        <source>the witness&apos;s consent (date, method or purpose)</source>
        <translation>згода сведкі (дата, спосаб або мэта)</translation>
    </message>
    <message>
        <source>consent to documentation by HQ</source>
        <translation>згода на дакументаванне штабам</translation>
    </message>
    <message>
        <source>consent was withdrawn: renew it before finalising</source>
        <translation>згода адклікана: аднавіце яе перад завяршэннем</translation>
    </message>
    <message>
        <source>the witness&apos;s account or at least one act</source>
        <translation>расповед сведкі або хаця б адзін эпізод</translation>
    </message>
    <message>
        <source>The passphrase must be at least 8 characters long.</source>
        <translation>Парольная фраза павінна змяшчаць не менш за 8 сімвалаў.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Не</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; please try again.</source>
        <translation>Нешта пайшло не так. Нічога не страчана; паспрабуйце яшчэ раз.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Выкарыстоўвайце не менш за %n сімвал.</numerusform>
            <numerusform>Выкарыстоўвайце не менш за %n сімвалы.</numerusform>
            <numerusform>Выкарыстоўвайце не менш за %n сімвалаў.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Парольныя фразы не супадаюць.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Некалькі не звязаных паміж сабой слоў лёгка запомніць і цяжка адгадаць.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Яшчэ раз:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Надзейнасць:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольная фраза яшчэ раз</translation>
    </message>
    <message>
        <source>Nobody can recover a lost passphrase: not HQ, not the developers. If you forget it, every testimony in this vault is lost for good. Write it down and keep it somewhere safe, away from this computer.</source>
        <translation>Страчаную парольную фразу не зможа аднавіць ніхто: ні штаб, ні распрацоўшчыкі. Калі вы яе забудзеце, усе сведчанні ў гэтым сховішчы будуць страчаны назаўсёды. Запішыце яе і захоўвайце ў надзейным месцы, асобна ад гэтага камп&apos;ютара.</translation>
    </message>
    <message>
        <source>I understand that a lost passphrase cannot be recovered</source>
        <translation>Я разумею, што страчаную парольную фразу аднавіць немагчыма</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>Папярэдні прагляд</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Друк…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Павялічыць</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Паменшыць</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Па шырыні</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Зачыніць</translation>
    </message>
</context>
<context>
    <name>RecorderWidget</name>
    <message>
        <source>Resume</source>
        <translation>Працягнуць</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Паўза</translation>
    </message>
    <message>
        <source>No microphone found. Connect one to record; everything else works as usual.</source>
        <translation>Мікрафон не знойдзены. Падключыце яго, каб запісваць; усё астатняе працуе як звычайна.</translation>
    </message>
    <message>
        <source>Recording is not allowed: the witness has not consented to audio recording. Tick it in the consent section first.</source>
        <translation>Запіс не дазволены: сведка не даў згоды на аўдыязапіс. Спачатку адзначце яе ў раздзеле згоды.</translation>
    </message>
    <message>
        <source>Ready. The recording goes straight into the encrypted vault.</source>
        <translation>Гатова. Запіс ідзе проста ў зашыфраванае сховішча.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Ідзе запіс…</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Паўза.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запісаць</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Спыніць</translation>
    </message>
    <message>
        <source>Add marker</source>
        <translation>Дадаць метку</translation>
    </message>
    <message>
        <source>Optional note for the marker</source>
        <translation>Нататка да меткі (неабавязкова)</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Прайграць / паўза</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Мікрафон</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Узровень уваходу</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Меткі</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>Не атрымалася ўключыць мікрафон.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Налады</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Агульныя</translation>
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
        <translation>Пра праграму</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Lock after (minutes idle):</source>
        <translation>Блакаваць пасля (хвілін бяздзейнасці):</translation>
    </message>
    <message>
        <source>Save drafts every (seconds):</source>
        <translation>Захоўваць чарнавікі кожныя (секунд):</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Цяперашняя парольная фраза:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Новая парольная фраза:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Яшчэ раз:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Надзейнасць:</translation>
    </message>
    <message>
        <source>Keep the original files next to the cleaned copies</source>
        <translation>Захоўваць арыгіналы файлаў побач з ачышчанымі копіямі</translation>
    </message>
    <message>
        <source>When you attach a photo or document, the app removes hidden information from it (location, camera serial number, author names) and keeps that cleaned copy. Keeping the original as well can help prove that a file is authentic, but the original still holds that hidden information, encrypted in the vault. If this device might be seized, it is safer not to keep originals. The choice applies to files attached from now on.</source>
        <translation>Калі вы далучаеце фота або дакумент, праграма выдаляе з яго схаваныя звесткі (месца здымкі, серыйны нумар камеры, імёны аўтараў) і захоўвае ачышчаную копію. Арыгінал можа дапамагчы даказаць сапраўднасць файла, але ў ім застаюцца гэтыя схаваныя звесткі (у зашыфраваным выглядзе ў сховішчы). Калі прыладу могуць канфіскаваць, бяспечней арыгіналы не захоўваць. Выбар дзейнічае для файлаў, дададзеных з гэтага моманту.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Змяніць парольную фразу</translation>
    </message>
    <message>
        <source>NAM Desktop %1
Qt %2, PySide %3, Python %4

Fingerprint of this device (read it to HQ to confirm your bundles):</source>
        <translation>NAM Desktop %1
Qt %2, PySide %3, Python %4

Адбітак гэтай прылады (прадыктуйце яго штабу для праверкі вашых пакетаў):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Зачыніць</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>Парольная фраза зменена. Цяпер выкарыстоўвайце новую.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>too short</source>
        <translation>занадта кароткая</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>слабая</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>сярэдняя</translation>
    </message>
    <message>
        <source>good</source>
        <translation>добрая</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>надзейная</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Надзейнасць парольнай фразы</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>No name, birth date, contacts or documents. The account and other free text are shown as written: check them for names before sharing.</source>
        <translation>Без імя, даты нараджэння, кантактаў і дакументаў. Расповед і іншы свабодны тэкст паказаны як ёсць: перад перадачай праверце, ці няма ў іх імёнаў.</translation>
    </message>
    <message>
        <source>Includes the witness&apos;s name, birth date, contacts and documents. For HQ only.</source>
        <translation>Змяшчае імя сведкі, дату нараджэння, кантакты і дакументы. Толькі для штаба.</translation>
    </message>
    <message>
        <source>Only coded facts: types of violation, dates, consent. No free text at all.</source>
        <translation>Толькі закадаваныя факты: віды парушэнняў, даты, згода. Ніякага свабоднага тэксту.</translation>
    </message>
    <message>
        <source>The witness has withdrawn consent. This summary must not be shared.</source>
        <translation>Сведка адклікаў згоду. Гэтую зводку нельга перадаваць.</translation>
    </message>
    <message>
        <source>This record is a draft: it has not been finalised.</source>
        <translation>Гэта чарнавік: запіс яшчэ не завершаны.</translation>
    </message>
    <message>
        <source>The witness has not consented to anonymous publication.</source>
        <translation>Сведка не даваў згоды на ананімную публікацыю.</translation>
    </message>
    <message>
        <source>The free text contains the witness&apos;s recorded name or contact details.</source>
        <translation>Свабодны тэкст змяшчае запісанае імя або кантакты сведкі.</translation>
    </message>
    <message>
        <source>Interview summary</source>
        <translation>Зводка інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>Pseudonymised (default)</source>
        <translation>З псеўданімам (па змаўчанні)</translation>
    </message>
    <message>
        <source>Full: with identity (HQ only)</source>
        <translation>Поўная: з асабовымі данымі (толькі для штаба)</translation>
    </message>
    <message>
        <source>Public: coded facts only</source>
        <translation>Публічная: толькі закадаваныя факты</translation>
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
        <translation>Уключыць нататкі інтэрв&apos;юера</translation>
    </message>
    <message>
        <source>Include image thumbnails</source>
        <translation>Уключыць мініяцюры выяў</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Захаваць PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Папярэдні прагляд…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Друк…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Зачыніць</translation>
    </message>
    <message>
        <source>Redaction level:</source>
        <translation>Узровень утойвання:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Папера:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Зводка</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>Код праверкі: %1</translation>
    </message>
    <message>
        <source>This summary includes the witness&apos;s identity. It is for HQ only.</source>
        <translation>Гэтая зводка змяшчае асабовыя даныя сведкі. Яна толькі для штаба.</translation>
    </message>
    <message>
        <source>Continue?</source>
        <translation>Працягнуць?</translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation>Захаваць зводку ў PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The summary and its signature file (.sig) were saved.

Verification code: %1</source>
        <translation>Зводка і файл яе подпісу (.sig) захаваны.

Код праверкі: %1</translation>
    </message>
    <message>
        <source>Printing makes a paper copy that is outside the vault&apos;s protection.

• Printers and print servers can keep a copy of each job in their memory or on disk (the print queue), and the computer may keep it for a while too.
• Colour laser printers add nearly invisible yellow tracking dots that can identify the printer.

Use a printer you trust, collect the pages at once, and store or destroy them safely. Print now?</source>
        <translation>Друк стварае папяровую копію па-за абаронай сховішча.

• Прынтары і серверы друку могуць захоўваць копію кожнага задання ў памяці або на дыску (чарга друку), і камп&apos;ютар таксама можа нейкі час яе захоўваць.
• Каляровыя лазерныя прынтары дадаюць амаль нябачныя жоўтыя кропкі, па якіх можна вызначыць прынтар.

Карыстайцеся прынтарам, якому давяраеце, адразу забірайце старонкі, захоўвайце або знішчайце іх надзейна. Друкаваць зараз?</translation>
    </message>
    <message>
        <source>Before printing</source>
        <translation>Перад друкам</translation>
    </message>
    <message>
        <source>The printer could not be started. Nothing was printed.</source>
        <translation>Не ўдалося запусціць прынтар. Нічога не надрукавана.</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Sections</source>
        <translation>Раздзелы</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Сведка</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Эпізоды</translation>
    </message>
    <message>
        <source>Witness&apos;s account</source>
        <translation>Расповед сведкі</translation>
    </message>
    <message>
        <source>Interviewer notes</source>
        <translation>Нататкі інтэрв&apos;юера</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Гісторыя</translation>
    </message>
    <message>
        <source>Short title, e.g. “Detention in Okrestina, August 2020”</source>
        <translation>Кароткая назва, напрыклад «Затрыманне на Акрэсціна, жнівень 2020»</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Завяршыць…</translation>
    </message>
    <message>
        <source>Check that nothing required is missing and create an unchangeable revision</source>
        <translation>Праверыць, што нічога абавязковага не прапушчана, і стварыць нязменную рэдакцыю</translation>
    </message>
    <message>
        <source>Summary / print…</source>
        <translation>Зводка / друк…</translation>
    </message>
    <message>
        <source>Revision %1 is final and stays as it is. If you change anything, your changes become the draft of revision %2.</source>
        <translation>Рэдакцыя %1 завершана і застанецца як ёсць. Калі вы нешта зменіце, змены стануць чарнавіком рэдакцыі %2.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Рэдагаванне…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Захавана %1</translation>
    </message>
    <message>
        <source>Cannot finalise yet. Missing:</source>
        <translation>Пакуль нельга завяршыць. Не хапае:</translation>
    </message>
    <message>
        <source>Not ready to finalise</source>
        <translation>Не гатова да завяршэння</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Завяршыць</translation>
    </message>
    <message>
        <source>Create an unchangeable revision of this testimony? Later edits start a new revision; this one stays as it is.</source>
        <translation>Стварыць нязменную рэдакцыю гэтага сведчання? Наступныя праўкі пачнуць новую рэдакцыю; гэтая застанецца як ёсць.</translation>
    </message>
    <message>
        <source>This revision is already final.</source>
        <translation>Гэтая рэдакцыя ўжо завершана.</translation>
    </message>
    <message>
        <source>Revision %1 is final</source>
        <translation>Рэдакцыя %1 завершана</translation>
    </message>
    <message>
        <source>Record that the witness withdrew consent? The testimony cannot be finalised or sent until consent is renewed.</source>
        <translation>Запісаць, што сведка адклікаў згоду? Сведчанне нельга будзе завяршыць або адправіць, пакуль згода не адноўлена.</translation>
    </message>
    <message>
        <source>Record that the witness gave consent again today?</source>
        <translation>Запісаць, што сведка сёння зноў даў згоду?</translation>
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
        <translation>Дата інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Псеўданім</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Парушэнні</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Чарнавік</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Завершана</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Перададзена</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>згода адклікана</translation>
    </message>
</context>
<context>
    <name>TextSection</name>
    <message>
        <source>Reliability:</source>
        <translation>Верагоднасць:</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Далейшыя крокі:</translation>
    </message>
    <message>
        <source>Referrals:</source>
        <translation>Накіраванні:</translation>
    </message>
    <message>
        <source>Your own notes: observations, context, what to check. They are not part of the witness&apos;s words.</source>
        <translation>Вашы ўласныя нататкі: назіранні, кантэкст, што праверыць. Гэта не словы сведкі.</translation>
    </message>
    <message>
        <source>Interviewer notes</source>
        <translation>Нататкі інтэрв&apos;юера</translation>
    </message>
    <message>
        <source>The witness&apos;s account, as close to their own words as possible.</source>
        <translation>Расповед сведкі, як мага бліжэй да яго ўласных слоў.</translation>
    </message>
    <message>
        <source>Witness&apos;s account</source>
        <translation>Расповед сведкі</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>NAM Desktop: unlock</source>
        <translation>NAM Desktop: разблакаванне</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Разблакаваць сховішча</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>Іншая папка…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблакаваць</translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation>Стварыць новае сховішча…</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Сховішча:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Папка сховішча</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Разблакаванне</translation>
    </message>
</context>
<context>
    <name>WitnessSection</name>
    <message>
        <source>Pseudonym:</source>
        <translation>Псеўданім:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>Age group:</source>
        <translation>Узроставая група:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роля:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Поўнае імя:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Дата нараджэння:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Кантакты:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Дакументы:</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Пацярпелы</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Сведка</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Сваяк</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Іншае</translation>
    </message>
    <message>
        <source>Hide identity</source>
        <translation>Схаваць асабовыя даныя</translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation>Паказаць асабовыя даныя</translation>
    </message>
    <message>
        <source>Identity (kept separately, never exported without need)</source>
        <translation>Асабовыя даныя (захоўваюцца асобна, без патрэбы не экспартуюцца)</translation>
    </message>
    <message>
        <source>The real name and contacts stay hidden until you ask. Make sure nobody is looking at the screen.</source>
        <translation>Сапраўднае імя і кантакты схаваны, пакуль вы не папросіце іх паказаць. Пераканайцеся, што ніхто не глядзіць на экран.</translation>
    </message>
</context>
</TS>
