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
        <translation>Выканаўцы:</translation>
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
        <translation>Дадаць выканаўцу</translation>
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
        <translation>Выканаўцы</translation>
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
        <source>Choose the violation type of this act first: the rest of the form opens once it is chosen.</source>
        <translation>Спачатку выберыце від парушэння для гэтага эпізоду: астатнія палі адкрыюцца пасля выбару.</translation>
    </message>
    <message>
        <source>(no type yet)</source>
        <translation>(від яшчэ не выбраны)</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Some unfinished files in the vault folder are held by another program (an antivirus?); they hold nothing readable and are removed next time.</source>
        <translation>Некаторыя незавершаныя файлы ў папцы сховішча занятыя іншай праграмай (антывірусам?). У іх няма нічога, што можна прачытаць; яны будуць выдалены наступным разам.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выхад</translation>
    </message>
    <message>
        <source>Changes that could not be saved before the app locked are kept, encrypted, only until you unlock their vault. If you quit now, they are lost. Quit anyway?</source>
        <translation>Змены, якія не ўдалося захаваць перад блакаваннем праграмы, захоўваюцца ў зашыфраваным выглядзе толькі да разблакавання іх сховішча. Калі выйсці зараз, яны будуць страчаны. Усё роўна выйсці?</translation>
    </message>
    <message>
        <source>Your last changes could not be saved: %1
If you quit now, they are lost. Quit anyway?</source>
        <translation>Апошнія змены не ўдалося захаваць: %1
Калі выйсці зараз, яны будуць страчаны. Усё роўна выйсці?</translation>
    </message>
    <message>
        <source>Quit and lose the changes</source>
        <translation>Выйсці і страціць змены</translation>
    </message>
    <message>
        <source>Your last changes could not be saved before the app locked:</source>
        <translation>Апошнія змены не ўдалося захаваць перад блакаваннем праграмы:</translation>
    </message>
    <message>
        <source>They are kept, encrypted, until you unlock the vault, and saved then. Do not quit the app before that.</source>
        <translation>Яны захоўваюцца ў зашыфраваным выглядзе да разблакавання сховішча і тады будуць захаваны. Не выходзьце з праграмы да гэтага.</translation>
    </message>
    <message>
        <source>The changes kept since locking were put back and saved.</source>
        <translation>Змены, адкладзеныя пры блакаванні, вернуты ў рэдактар і захаваны.</translation>
    </message>
    <message>
        <source>Changes not saved yet</source>
        <translation>Змены яшчэ не захаваны</translation>
    </message>
    <message>
        <source>The changes kept since locking are back in the editor, but they still cannot be saved: %1</source>
        <translation>Змены, адкладзеныя пры блакаванні, вернуты ў рэдактар, але іх па-ранейшаму не ўдаецца захаваць: %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без назвы</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>Падрыхтоўка да паездкі</translation>
    </message>
    <message>
        <source>The vault was removed from this computer; its backup is on the drive you chose. The app closes now.</source>
        <translation>Сховішча выдалена з гэтага камп&apos;ютара; яго рэзервовая копія — на абраным вамі носьбіце. Праграма зараз закрыецца.</translation>
    </message>
    <message>
        <source>Travel mode is ready: no passphrase opens this vault on this computer now. To get it back, start the app and make a recovery request for HQ. The app closes now.</source>
        <translation>Рэжым паездкі ўключаны: цяпер ніякая парольная фраза не адкрые гэтае сховішча на гэтым камп&apos;ютары. Каб вярнуць доступ, запусціце праграму і стварыце запыт на аднаўленне для штаба. Праграма зараз закрыецца.</translation>
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
        <translation>Дадаванне файлаў</translation>
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
        <source>The item-by-item report stayed on the interviewer&apos;s device.</source>
        <translation>Падрабязная справаздача пра метаданыя засталася на прыладзе інтэрв&apos;юера.</translation>
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
    <message>
        <source>Record interview…</source>
        <translation>Запісаць інтэрв&apos;ю…</translation>
    </message>
    <message>
        <source>Hide technical details</source>
        <translation>Схаваць тэхнічныя падрабязнасці</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>Паказаць тэхнічныя падрабязнасці</translation>
    </message>
    <message>
        <source>Metadata report in plain words</source>
        <translation>Справаздача пра метаданыя простымі словамі</translation>
    </message>
    <message>
        <source>This file was kept on the interviewer&apos;s device, not sent: only its name, hashes and the result of the check came with the testimony.</source>
        <translation>Гэты файл застаўся на прыладзе інтэрв&apos;юера і не быў адпраўлены: разам са сведчаннем прыйшлі толькі яго імя, хэшы і вынік праверкі.</translation>
    </message>
    <message>
        <source>This file&apos;s content was destroyed on this computer after HQ confirmed receiving it; its name and hashes stay as a record.</source>
        <translation>Змесціва гэтага файла знішчана на гэтым камп&apos;ютары пасля таго, як штаб пацвердзіў яго атрыманне; імя і хэшы файла захоўваюцца для ўліку.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the vault</source>
        <translation>Рэзервовая копія сховішча</translation>
    </message>
    <message>
        <source>The whole vault (testimonies, files, the audit log and the keys that open it) is written as one encrypted file to another drive, then read back to check it. Keep the drive apart from this computer.</source>
        <translation>Усё сховішча (сведчанні, файлы, журнал аўдыту і ключы, якія яго адкрываюць) запісваецца адным зашыфраваным файлам на іншы носьбіт, а потым счытваецца назад для праверкі. Трымайце гэты носьбіт асобна ад камп&apos;ютара.</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Стварыць копію</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>The backup was written and read back: %1 on %2.</source>
        <translation>Рэзервовая копія запісана і праверана чытаннем: %1 на %2.</translation>
    </message>
    <message numerus="yes">
        <source>It holds %n files of the vault.</source>
        <translation>
            <numerusform>У ёй %n файл сховішча.</numerusform>
            <numerusform>У ёй %n файлы сховішча.</numerusform>
            <numerusform>У ёй %n файлаў сховішча.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep %1 with it: the backup passphrase opens it.</source>
        <translation>Захоўвайце разам з ёй файл %1: яго адкрывае парольная фраза копіі.</translation>
    </message>
</context>
<context>
    <name>BackupTargetBox</name>
    <message>
        <source>Choose the drive…</source>
        <translation>Абраць носьбіт…</translation>
    </message>
    <message>
        <source>Also protect the backup with its own passphrase</source>
        <translation>Дадаткова абараніць копію ўласнай парольнай фразай</translation>
    </message>
    <message>
        <source>HQ&apos;s key always opens the backup. With its own passphrase you can also restore it yourself; without one, only HQ can. The vault inside still needs its own passphrase.</source>
        <translation>Ключ штаба заўсёды адкрывае копію. З уласнай парольнай фразай копію зможаце аднавіць і вы самі; без яе — толькі штаб. Сховішчу ўнутры копіі па-ранейшаму патрэбна яго парольная фраза.</translation>
    </message>
    <message>
        <source>Backup passphrase:</source>
        <translation>Парольная фраза копіі:</translation>
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
        <source>No drive chosen yet.</source>
        <translation>Носьбіт яшчэ не абраны.</translation>
    </message>
    <message>
        <source>Where to write the backup</source>
        <translation>Куды запісаць рэзервовую копію</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Problem:</source>
        <translation>Праблема:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заўвага:</translation>
    </message>
    <message>
        <source>Everything is ready. Press Export to write the bundle.</source>
        <translation>Усё гатова. Націсніце «Экспарт», каб запісаць пакет.</translation>
    </message>
    <message>
        <source>The bundle cannot be written until the problems above are solved. Go back to change your choice, or solve them and press &quot;Check again&quot;.</source>
        <translation>Пакет нельга запісаць, пакуль не вырашаны праблемы вышэй. Вярніцеся назад, каб змяніць выбар, або вырашыце іх і націсніце «Праверыць зноў».</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Праверка</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспарт</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Праверыць зноў</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Знойдзеныя праблемы</translation>
    </message>
    <message numerus="yes">
        <source>%n testimonies chosen.</source>
        <translation>
            <numerusform>Выбрана %n сведчанне.</numerusform>
            <numerusform>Выбрана %n сведчанні.</numerusform>
            <numerusform>Выбрана %n сведчанняў.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of them can be sent; the problems below say why not the others.</source>
        <translation>Адправіць можна %1 з іх; ніжэй сказана, чаму нельга адправіць астатнія.</translation>
    </message>
    <message>
        <source>Size: about %1. Free on the destination: %2.</source>
        <translation>Памер: каля %1. Вольна на носьбіце: %2.</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>no consent to send</source>
        <translation>няма згоды на адпраўку</translation>
    </message>
    <message>
        <source>This vault does not keep original files (Settings → Files), so only the cleaned copies can be sent.</source>
        <translation>Гэтае сховішча не захоўвае арыгіналы файлаў (Налады → Файлы), таму можна адправіць толькі ачышчаныя копіі.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card asks for cleaned copies only.</source>
        <translation>Ключавая картка штаба дазваляе толькі ачышчаныя копіі.</translation>
    </message>
    <message>
        <source>By default only the cleaned copies are sent: hidden information such as location, camera serial number or author names has been removed from them. Originals still contain it. Send them only if HQ needs them to show that a file is authentic.</source>
        <translation>Па змаўчанні адпраўляюцца толькі ачышчаныя копіі: з іх выдалены схаваныя звесткі — месца здымкі, серыйны нумар камеры, імёны аўтараў. У арыгіналах яны засталіся. Адпраўляйце арыгіналы, толькі калі яны патрэбныя штабу, каб даказаць сапраўднасць файла.</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>Што адправіць</translation>
    </message>
    <message>
        <source>Final testimonies not yet delivered to HQ are chosen. Drafts and testimonies without consent cannot be sent.</source>
        <translation>Выбраны завершаныя сведчанні, якія яшчэ не перададзены штабу. Чарнавікі і сведчанні без згоды адправіць нельга.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Псеўданім</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Дата інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Testimonies to send</source>
        <translation>Сведчанні да адпраўкі</translation>
    </message>
    <message>
        <source>Include the original files</source>
        <translation>Дадаць арыгіналы файлаў</translation>
    </message>
    <message>
        <source>Include the witnesses&apos; identity</source>
        <translation>Дадаць асабовыя даныя сведак</translation>
    </message>
    <message>
        <source>Name, birth date, contacts and documents stay on this computer unless you tick this. Send them only when HQ asked for them and the witness agreed.</source>
        <translation>Імя, дата нараджэння, кантакты і дакументы застаюцца на гэтым камп&apos;ютары, калі не адзначыць гэты пункт. Адпраўляйце іх, толькі калі штаб іх запытаў і сведка згодны.</translation>
    </message>
    <message>
        <source>Testimonies chosen: %1 of %2.</source>
        <translation>Выбрана сведчанняў: %1 з %2.</translation>
    </message>
    <message>
        <source>Nothing is chosen: tick at least one testimony to go on.</source>
        <translation>Нічога не выбрана: адзначце хаця б адно сведчанне, каб працягнуць.</translation>
    </message>
</context>
<context>
    <name>CleanAgainAction</name>
    <message>
        <source>Remove the comments and notes, then clean again…</source>
        <translation>Выдаліць каментарыі і нататкі і ачысціць зноў…</translation>
    </message>
    <message>
        <source>“%1” could not be cleaned because of what people wrote in it. The cleaned copy will be made without:</source>
        <translation>Файл «%1» не ўдалося ачысціць праз тое, што людзі напісалі ў ім. З ачышчанай копіі будуць выдалены:</translation>
    </message>
    <message>
        <source>The original is no longer in the vault: you will be asked for the file again. It must be the very same file (its SHA-256 is checked).</source>
        <translation>Арыгінала больш няма ў сховішчы: вас папросяць выбраць файл яшчэ раз. Гэта павінен быць той самы файл (яго SHA-256 правяраецца).</translation>
    </message>
    <message>
        <source>The original stays in the vault unchanged, with its hash.</source>
        <translation>Арыгінал застаецца ў сховішчы без змен, разам са сваім хэшам.</translation>
    </message>
    <message>
        <source>This vault does not keep originals: once the cleaned copy is verified, the original is destroyed on this computer; its hash stays as the record.</source>
        <translation>У гэтым сховішчы арыгіналы не застаюцца: як толькі ачышчаная копія праверана, арыгінал знішчаецца на гэтым камп&apos;ютары; яго хэш застаецца як запіс.</translation>
    </message>
    <message>
        <source>Remove comments and notes</source>
        <translation>Выдаленне каментарыяў і нататак</translation>
    </message>
    <message>
        <source>Remove and clean again</source>
        <translation>Выдаліць і ачысціць зноў</translation>
    </message>
    <message>
        <source>Choose the original of “%1” again</source>
        <translation>Выберыце арыгінал файла «%1» яшчэ раз</translation>
    </message>
    <message>
        <source>Could not clean the file again</source>
        <translation>Не ўдалося ачысціць файл зноў</translation>
    </message>
    <message>
        <source>The file still could not be cleaned: something other than comments or notes is in the way (see the technical details). Nothing was changed.</source>
        <translation>Файл па-ранейшаму не ўдалося ачысціць: перашкаджае нешта іншае, акрамя каментарыяў і нататак (гл. тэхнічныя падрабязнасці). Нічога не зменена.</translation>
    </message>
    <message>
        <source>This is not the original file: its SHA-256 differs from the one recorded when it was attached. Nothing was changed.</source>
        <translation>Гэта не арыгінальны файл: яго SHA-256 адрозніваецца ад запісанага пры даданні. Нічога не зменена.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consent given on:</source>
        <extracomment>The purposes read as one sentence under &quot;The witness agrees to&quot;; the last flag is a request of the witness, not a purpose, and stands on its own.</extracomment>
        <translation>Дата згоды:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Спосаб:</translation>
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
    <message>
        <source>The witness agrees to:</source>
        <translation>Сведка дае згоду на:</translation>
    </message>
    <message>
        <source>being contacted again</source>
        <translation>паўторную сувязь з ім</translation>
    </message>
    <message>
        <source>Note for a withdrawal or renewal (optional): how and why, e.g. “by phone, fears for family”</source>
        <translation>Заўвага да адклікання або аднаўлення згоды (неабавязкова): як і чаму, напрыклад «па тэлефоне, баіцца за сям&apos;ю»</translation>
    </message>
    <message>
        <source>Note for a withdrawal or renewal</source>
        <translation>Заўвага да адклікання або аднаўлення згоды</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Заўвага: %1</translation>
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
    <name>DestinationPage</name>
    <message>
        <source>%1 — %2 free, %3</source>
        <translation>%1 — вольна %2, %3</translation>
    </message>
    <message>
        <source>unknown file system</source>
        <translation>файлавая сістэма невядомая</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>толькі чытанне</translation>
    </message>
    <message>
        <source>Where to write the bundle</source>
        <translation>Куды запісаць пакет</translation>
    </message>
    <message>
        <source>Plug in the USB stick you will carry to HQ and choose it. The bundle is encrypted for HQ: whoever finds the stick cannot read it.</source>
        <translation>Устаўце флэшку, якую павезяце ў штаб, і абярыце яе. Пакет зашыфраваны для штаба: той, хто знойдзе флэшку, не зможа яго прачытаць.</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press &quot;Look again&quot;, or choose a folder.</source>
        <translation>Флэшка не знойдзена. Устаўце яе і націсніце «Шукаць зноў» або абярыце папку.</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Шукаць зноў</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Абраць папку…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Куды запісаць</translation>
    </message>
    <message>
        <source>Choose where to write the bundle in the list above to go on.</source>
        <translation>Каб працягнуць, выберыце ў спісе вышэй, куды запісаць пакет.</translation>
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
    <message>
        <source>HQ station</source>
        <translation>Станцыя штаба</translation>
    </message>
    <message>
        <source>Tell it to every interviewer in person or by phone: they compare it with the key card you give them. Write key cards from the HQ window&apos;s toolbar.</source>
        <translation>Паведаміце яго кожнаму інтэрв&apos;юеру асабіста або па тэлефоне: ён зверыць яго з ключавой карткай, якую вы яму дасце. Ключавыя карткі запісваюцца з панэлі інструментаў акна штаба.</translation>
    </message>
    <message>
        <source>The HQ station is ready. This is HQ&apos;s root fingerprint:</source>
        <translation>Станцыя штаба гатовая. Гэта каранёвы адбітак штаба:</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>This is an HQ vault. Bundles for HQ are made on an interviewer&apos;s computer.</source>
        <translation>Гэта сховішча штаба. Пакеты для штаба ствараюцца на камп&apos;ютары інтэрв&apos;юера.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card has not been imported yet, so there is nobody to encrypt the bundle for. Import it first (HQ menu → Import HQ key card…).</source>
        <translation>Ключавая картка штаба яшчэ не імпартавана, таму пакет няма для каго зашыфраваць. Спачатку імпартуйце яе (меню «Штаб» → «Імпартаваць ключавую картку штаба…»).</translation>
    </message>
    <message>
        <source>HQ&apos;s key card holds a key that cannot be used. Ask HQ for a new key card.</source>
        <translation>У ключавой картцы штаба ёсць ключ, які нельга выкарыстаць. Папрасіце ў штаба новую ключавую картку.</translation>
    </message>
    <message>
        <source>Nothing can be sent: none of the chosen testimonies is final with consent to documentation by HQ.</source>
        <translation>Адпраўляць няма чаго: сярод выбраных няма ніводнага завершанага сведчання са згодай на дакументаванне штабам.</translation>
    </message>
    <message>
        <source>A chosen testimony no longer exists in the vault.</source>
        <translation>Аднаго з выбраных сведчанняў больш няма ў сховішчы.</translation>
    </message>
    <message>
        <source>%1: this testimony is a draft. Finalise it before sending it to HQ.</source>
        <translation>%1: гэта сведчанне — чарнавік. Завяршыце яго перад адпраўкай у штаб.</translation>
    </message>
    <message>
        <source>%1: the witness withdrew consent. This testimony must not be sent.</source>
        <translation>%1: сведка адклікаў згоду. Гэтае сведчанне нельга адпраўляць.</translation>
    </message>
    <message>
        <source>%1: the witness did not consent to documentation by HQ. This testimony must not be sent.</source>
        <translation>%1: сведка не даў згоды на дакументаванне штабам. Гэтае сведчанне нельга адпраўляць.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card asks for cleaned copies only. Untick &quot;Include the original files&quot;.</source>
        <translation>Ключавая картка штаба дазваляе толькі ачышчаныя копіі. Зніміце адзнаку «Дадаць арыгіналы файлаў».</translation>
    </message>
    <message>
        <source>%1: a file that could not be cleaned will be described but not sent.</source>
        <translation>%1: файл, які не ўдалося ачысціць, будзе апісаны, але не адпраўлены.</translation>
    </message>
    <message>
        <source>The destination is not there any more. Was the USB stick removed? Plug it in and choose it again.</source>
        <translation>Носьбіт больш недаступны. Флэшку вынялі? Устаўце яе і абярыце зноў.</translation>
    </message>
    <message>
        <source>The destination is read-only. Check the lock switch on the USB stick or choose another place.</source>
        <translation>Носьбіт даступны толькі для чытання. Праверце пераключальнік абароны на флэшцы або абярыце іншае месца.</translation>
    </message>
    <message>
        <source>%1: a field of this testimony holds a value that cannot be sent (for example a date that does not exist). Open it, correct the dates and finalise it again.</source>
        <translation>%1: у адным з палёў гэтага сведчання значэнне, якое нельга адправіць (напрыклад, дата, якой не існуе). Адкрыйце яго, выпраўце даты і зноў завяршыце яго.</translation>
    </message>
    <message>
        <source>Not enough free space on the destination: about %1 is needed, %2 is free. Free some space or use a bigger USB stick.</source>
        <translation>На носьбіце недастаткова месца: трэба каля %1, вольна %2. Вызваліце месца або вазьміце большую флэшку.</translation>
    </message>
    <message>
        <source>Writing to the destination failed: the USB stick may have been removed, be full or be faulty. Nothing was lost: the testimonies are still in the vault and no unfinished file was left behind. Plug the stick in again and retry.</source>
        <translation>Не ўдалося запісаць на носьбіт: флэшку, магчыма, вынялі, яна перапоўнена або няспраўная. Нічога не страчана: сведчанні па-ранейшаму ў сховішчы, незакончаных файлаў не засталося. Устаўце флэшку зноў і паўтарыце.</translation>
    </message>
    <message>
        <source>The bundle read back from the destination differs from what was written: the USB stick is faulty. The file was removed; nothing was lost. Use another stick.</source>
        <translation>Пакет, прачытаны з носьбіта, адрозніваецца ад запісанага: флэшка няспраўная. Файл выдалены, нічога не страчана. Вазьміце іншую флэшку.</translation>
    </message>
    <message>
        <source>An attached file in the vault is damaged or was altered, so the export was stopped and nothing was written. Run a vault check.</source>
        <translation>Далучаны файл у сховішчы пашкоджаны або зменены, таму экспарт спынены і нічога не запісана. Праверце сховішча.</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written and nothing was lost.</source>
        <translation>Экспарт скасаваны. Нічога не запісана і нічога не страчана.</translation>
    </message>
    <message>
        <source>This is not a valid HQ key card, or its signature does not match its content: it may have been altered on the way. It was not imported. Ask HQ for a new one.</source>
        <translation>Гэта несапраўдная ключавая картка штаба, або яе подпіс не супадае са змесцівам: магчыма, яе змянілі па дарозе. Яна не імпартавана. Папрасіце ў штаба новую.</translation>
    </message>
    <message>
        <source>This key card is signed by a different HQ key than the one you trusted before. It was not imported. Do not use it, and tell HQ through a trusted channel.</source>
        <translation>Гэтая ключавая картка падпісана іншым ключом штаба, не тым, якому вы даверыліся раней. Яна не імпартавана. Не выкарыстоўвайце яе і паведаміце штабу праз надзейны канал.</translation>
    </message>
    <message>
        <source>This key card is older than the one already in use. It was not imported.</source>
        <translation>Гэтая ключавая картка выдадзена раней за тую, што ўжо выкарыстоўваецца. Яна не імпартавана.</translation>
    </message>
    <message>
        <source>This receipt is not valid: it is damaged, not signed by your HQ, or meant for another device. Nothing was changed.</source>
        <translation>Гэтая квітанцыя несапраўдная: яна пашкоджана, падпісана не вашым штабам або прызначана для іншай прылады. Нічога не зменена.</translation>
    </message>
    <message>
        <source>This cannot be done in this kind of vault (HQ or interviewer).</source>
        <translation>Гэта нельга зрабіць у сховішчы такога тыпу (штаба або інтэрв&apos;юера).</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet.</source>
        <translation>У гэтым сховішчы штаба яшчэ няма ключоў штаба.</translation>
    </message>
    <message>
        <source>The file is damaged or is not a NAM Desktop bundle.</source>
        <translation>Файл пашкоджаны, або гэта не пакет NAM Desktop.</translation>
    </message>
    <message>
        <source>The file is larger than the format allows.</source>
        <translation>Файл большы, чым дапускае фармат.</translation>
    </message>
    <message>
        <source>This file was made by a newer version of NAM Desktop. Update NAM Desktop to read it.</source>
        <translation>Гэты файл створаны больш новай версіяй NAM Desktop. Абнавіце NAM Desktop, каб прачытаць яго.</translation>
    </message>
    <message>
        <source>The parts of this bundle contradict each other: faulty or tampered software made it.</source>
        <translation>Часткі гэтага пакета супярэчаць адна адной: яго стварыла няспраўная або падробленая праграма.</translation>
    </message>
    <message>
        <source>The file is damaged or was altered.</source>
        <translation>Файл пашкоджаны або быў зменены.</translation>
    </message>
    <message>
        <source>The file is incomplete: part of it is missing.</source>
        <translation>Файл няпоўны: часткі не хапае.</translation>
    </message>
    <message>
        <source>The file was not encrypted for this HQ.</source>
        <translation>Файл зашыфраваны не для гэтага штаба.</translation>
    </message>
    <message>
        <source>The file was signed by a device that is not registered.</source>
        <translation>Файл падпісаны незарэгістраванай прыладай.</translation>
    </message>
    <message>
        <source>The signature does not match: the file was altered.</source>
        <translation>Подпіс не супадае: файл быў зменены.</translation>
    </message>
    <message>
        <source>Part of the content does not match its signed hash: the file was altered.</source>
        <translation>Частка змесціва не супадае з падпісаным хэшам: файл быў зменены.</translation>
    </message>
    <message>
        <source>Two different bundles carry the same number from one device.</source>
        <translation>Два розныя пакеты ад адной прылады маюць адзін і той жа нумар.</translation>
    </message>
    <message>
        <source>A testimony arrived with content different from an earlier copy.</source>
        <translation>Прыйшло сведчанне, змесціва якога адрозніваецца ад раней атрыманай копіі.</translation>
    </message>
    <message>
        <source>Import HQ&apos;s key card before importing a receipt: the receipt is checked against it.</source>
        <translation>Імпартуйце ключавую картку штаба да імпарту квітанцыі: квітанцыя правяраецца па ёй.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Не ўдаецца прачытаць файл.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Send to HQ</source>
        <translation>Адпраўка ў штаб</translation>
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
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
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
    <message>
        <source>delivered to HQ</source>
        <translation>перададзена ў штаб</translation>
    </message>
    <message>
        <source>changes discarded, last revision back</source>
        <translation>змены адменены, вернута апошняя рэдакцыя</translation>
    </message>
    <message>
        <source>recording started</source>
        <translation>пачаты запіс</translation>
    </message>
    <message>
        <source>interrupted recording recovered</source>
        <translation>перапынены запіс адноўлены</translation>
    </message>
    <message>
        <source>recording discarded</source>
        <translation>запіс знішчаны</translation>
    </message>
    <message>
        <source>recording lost</source>
        <translation>запіс страчаны</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>праўка</translation>
    </message>
    <message numerus="yes">
        <source>saved %n times</source>
        <translation>
            <numerusform>захавана %n раз</numerusform>
            <numerusform>захавана %n разы</numerusform>
            <numerusform>захавана %n разоў</numerusform>
        </translation>
    </message>
    <message>
        <source>(revision %1)</source>
        <translation>(рэдакцыя %1)</translation>
    </message>
</context>
<context>
    <name>HqAlarmsPanel</name>
    <message>
        <source>A missing bundle may mean a lost stick. A fork means two different bundles carry the same number: the device key may have been copied — talk to the interviewer before importing more from that device. Conflicts name items that arrived with different content.</source>
        <translation>Пакет, якога не хапае, можа азначаць страчаную флэшку. Раздваенне азначае, што два розныя пакеты маюць адзін нумар: ключ прылады маглі скапіяваць — пагаварыце з інтэрв&apos;юерам, перш чым імпартаваць яшчэ што-небудзь з гэтай прылады. Канфлікты паказваюць элементы, што прыйшлі з іншым змесцівам.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Калі</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Прылада</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Тэхнічныя падрабязнасці</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Трывогі</translation>
    </message>
</context>
<context>
    <name>HqDevicesPanel</name>
    <message>
        <source>Cyrillic letters were typed: %1. A fingerprint has only Latin letters A–Z and digits 2–7: switch the keyboard to English (Latin) and type them again.</source>
        <translation>Уведзены кірылічныя літары: %1. У адбітку толькі лацінскія літары A–Z і лічбы 2–7: пераключыце клавіятуру на англійскую (лацінскую) раскладку і ўвядзіце іх нанова.</translation>
    </message>
    <message>
        <source>A fingerprint never has 0, 1, 8 or 9 (typed: %1): its digits are 2–7 only. Did the interviewer say the letter O or I?</source>
        <translation>У адбітку не бывае лічбаў 0, 1, 8 і 9 (уведзена: %1): лічбы ў ім толькі ад 2 да 7. Магчыма, інтэрв&apos;юер назваў літару O або I?</translation>
    </message>
    <message>
        <source>These characters cannot be in a fingerprint: %1. Type only Latin letters A–Z, digits 2–7 and dashes.</source>
        <translation>Такіх знакаў не можа быць у адбітку: %1. Уводзьце толькі лацінскія літары A–Z, лічбы 2–7 і злучкі.</translation>
    </message>
    <message>
        <source>Too long: a fingerprint has six groups of four characters, a public key 64 hex characters.</source>
        <translation>Занадта шмат знакаў: у адбітку шэсць груп па чатыры знакі, у адкрытым ключы — 64 шаснаццатковыя сімвалы.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Імя</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Адбітак</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Адкрыты ключ</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>Last bundle no.</source>
        <translation>Апошні пакет №</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Апошні імпарт</translation>
    </message>
    <message>
        <source>PDF certificate</source>
        <translation>PDF-сертыфікат</translation>
    </message>
    <message>
        <source>Registered devices</source>
        <translation>Зарэгістраваныя прылады</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>Захаваць квітанцыю…</translation>
    </message>
    <message>
        <source>Register an interviewer&apos;s device</source>
        <translation>Зарэгістраваць прыладу інтэрв&apos;юера</translation>
    </message>
    <message>
        <source>Fingerprint or key:</source>
        <translation>Адбітак або ключ:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Імя:</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>Звярыце:</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX or 64 hex characters</source>
        <translation>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX (лацініца) або 64 шаснаццатковыя сімвалы</translation>
    </message>
    <message>
        <source>Device fingerprint or public key</source>
        <translation>Адбітак або адкрыты ключ прылады</translation>
    </message>
    <message>
        <source>e.g. the interviewer&apos;s code name</source>
        <translation>напрыклад, кодавае імя інтэрв&apos;юера</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Імя прылады</translation>
    </message>
    <message>
        <source>Register device</source>
        <translation>Зарэгістраваць прыладу</translation>
    </message>
    <message>
        <source>known</source>
        <translation>вядомы</translation>
    </message>
    <message>
        <source>fingerprint only</source>
        <translation>толькі адбітак</translation>
    </message>
    <message>
        <source>not yet (after its next bundle)</source>
        <translation>яшчэ няма (пасля наступнага пакета)</translation>
    </message>
    <message>
        <source>Nothing has been imported from this device yet.</source>
        <translation>З гэтай прылады яшчэ нічога не імпартавана.</translation>
    </message>
    <message>
        <source>Type the fingerprint the interviewer reads to you (their app shows it under Settings): six groups of four Latin letters A–Z and digits 2–7. Or paste their 64-character public key.</source>
        <translation>Увядзіце адбітак, які прадыктуе інтэрв&apos;юер (яго праграма паказвае яго ў наладах): шэсць груп па чатыры знакі — лацінскія літары A–Z і лічбы 2–7. Або ўстаўце яго адкрыты ключ з 64 сімвалаў.</translation>
    </message>
    <message>
        <source>Register this device as “%1”?

%2

Register it only if the interviewer confirmed these exact six groups in person or by phone: once it is registered, bundles signed with this device are accepted.</source>
        <translation>Зарэгістраваць гэтую прыладу як «%1»?

%2

Рэгіструйце, толькі калі інтэрв&apos;юер пацвердзіў менавіта гэтыя шэсць груп асабіста або па тэлефоне: пасля рэгістрацыі пакеты, падпісаныя гэтай прыладай, будуць прымацца.</translation>
    </message>
    <message>
        <source>Read these six groups back to the interviewer, in person or by phone, and compare them with their screen before you register.</source>
        <translation>Прачытайце гэтыя шэсць груп інтэрв&apos;юеру асабіста або па тэлефоне і звярыце іх з яго экранам, перш чым рэгістраваць.</translation>
    </message>
    <message>
        <source>It is registered already, as “%1”: the name will change.</source>
        <translation>Яна ўжо зарэгістравана як «%1»: імя зменіцца.</translation>
    </message>
</context>
<context>
    <name>HqImportPanel</name>
    <message>
        <source>Choose the bundle files from the interviewer&apos;s USB stick (for a split bundle, one part is enough). Each bundle is checked — who signed it, for whom, every byte — and imported whole or not at all.</source>
        <translation>Абярыце файлы пакетаў на флэшцы інтэрв&apos;юера (для падзеленага пакета дастаткова адной часткі). Кожны пакет правяраецца — хто падпісаў, для каго, кожны байт — і імпартуецца цалкам або не імпартуецца зусім.</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Імпартаваць пакеты…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>Receipt for:</source>
        <translation>Квітанцыя для:</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>Захаваць квітанцыю…</translation>
    </message>
    <message>
        <source>Device to write a receipt for</source>
        <translation>Прылада, для якой пішацца квітанцыя</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Вынікі імпарту</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Імпарт: прагрэс</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Пакеты для імпарту</translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundles…</source>
        <translation>
            <numerusform>Правяраецца і імпартуецца %n пакет…</numerusform>
            <numerusform>Правяраюцца і імпартуюцца %n пакеты…</numerusform>
            <numerusform>Правяраюцца і імпартуюцца %n пакетаў…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпарт</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles checked: %1 imported, %2 already imported, %3 rejected.</source>
        <translation>
            <numerusform>Правераны %n пакет. Імпартавана: %1, ужо былі імпартаваныя раней: %2, адхілена: %3.</numerusform>
            <numerusform>Праверана %n пакеты. Імпартавана: %1, ужо былі імпартаваныя раней: %2, адхілена: %3.</numerusform>
            <numerusform>Праверана %n пакетаў. Імпартавана: %1, ужо былі імпартаваныя раней: %2, адхілена: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: REJECTED.</source>
        <translation>%1: АДХІЛЕНЫ.</translation>
    </message>
    <message>
        <source>Signed by device %1.</source>
        <translation>Падпісаны прыладай %1.</translation>
    </message>
    <message>
        <source>Double-click the line above (or select it and press Enter) to register this device.</source>
        <translation>Двойчы пстрыкніце радок вышэй (або абярыце яго і націсніце Enter), каб зарэгістраваць гэтую прыладу.</translation>
    </message>
    <message>
        <source>%1: already imported from %2 (bundle no. %3). Nothing changed.</source>
        <translation>%1: ужо імпартаваны ад %2 (пакет № %3). Нічога не змянілася.</translation>
    </message>
    <message numerus="yes">
        <source>%1: imported %n testimonies from %2 (bundle no. %3).</source>
        <translation>
            <numerusform>%1: імпартавана %n сведчанне ад %2 (пакет № %3).</numerusform>
            <numerusform>%1: імпартавана %n сведчанні ад %2 (пакет № %3).</numerusform>
            <numerusform>%1: імпартавана %n сведчанняў ад %2 (пакет № %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Items: %1 new, %2 already here.</source>
        <translation>Элементы: новыя — %1, ужо наяўныя — %2.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n bundles from this device may be missing (no. %1 not received) — lost stick? Ask the interviewer.</source>
        <translation>
            <numerusform>Увага: магчыма, не хапае %n пакета з гэтай прылады (№ %1 не атрыманы) — страчана флэшка? Спытайце інтэрв&apos;юера.</numerusform>
            <numerusform>Увага: магчыма, не хапае %n пакетаў з гэтай прылады (№ %1 не атрыманыя) — страчана флэшка? Спытайце інтэрв&apos;юера.</numerusform>
            <numerusform>Увага: магчыма, не хапае %n пакетаў з гэтай прылады (№ %1 не атрыманыя) — страчана флэшка? Спытайце інтэрв&apos;юера.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device reports that export no. %1 did not complete (interrupted, failed or cancelled): no bundle of that number is missing.</source>
        <translation>Прылада паведамляе, што экспарт № %1 не быў завершаны (перапынены, скончыўся збоем або адменены): пакет з гэтым нумарам не згублены.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Квітанцыя</translation>
    </message>
    <message>
        <source>Folder for the receipt (for example the interviewer&apos;s USB stick)</source>
        <translation>Папка для квітанцыі (напрыклад, флэшка інтэрв&apos;юера)</translation>
    </message>
    <message>
        <source>The receipt for %1 was saved as:
%2

Give it to the interviewer: their app then marks the testimonies HQ received as delivered.</source>
        <translation>Квітанцыя для %1 захавана як:
%2

Перадайце яе інтэрв&apos;юеру: яго праграма адзначыць атрыманыя штабам сведчанні як перададзеныя.</translation>
    </message>
</context>
<context>
    <name>HqKeyCardDialog</name>
    <message>
        <source>Write key card</source>
        <translation>Запісаць ключавую картку</translation>
    </message>
    <message>
        <source>Writes key card no. %1 and a printable page with the same card as a QR code. Interviewers import the card; an app that holds an older card from this HQ accepts the newer one.</source>
        <translation>Запісвае ключавую картку № %1 і старонку для друку з той жа карткай у выглядзе QR-кода. Інтэрв&apos;юеры імпартуюць картку; праграма са старой карткай гэтага штаба прыме новую.</translation>
    </message>
    <message>
        <source>HQ root fingerprint (tell it to interviewers in person or by phone):</source>
        <translation>Каранёвы адбітак штаба (паведаміце яго інтэрв&apos;юерам асабіста або па тэлефоне):</translation>
    </message>
    <message>
        <source>HQ name</source>
        <translation>Назва штаба</translation>
    </message>
    <message>
        <source>Accept original (uncleaned) files</source>
        <translation>Прымаць арыгіналы (неачышчаныя файлы)</translation>
    </message>
    <message>
        <source>Originals keep hidden information such as GPS positions: useful as evidence, dangerous if a stick is lost. Interviewers can send them only if this is ticked.</source>
        <translation>У арыгіналах захоўваюцца схаваныя звесткі, напрыклад каардынаты GPS: карысна як доказ, небяспечна пры страце флэшкі. Інтэрв&apos;юеры змогуць адпраўляць іх, толькі калі тут стаіць адзнака.</translation>
    </message>
    <message>
        <source>Language of the printed page</source>
        <translation>Мова старонкі для друку</translation>
    </message>
    <message>
        <source>Every interviewer</source>
        <translation>Для ўсіх інтэрв&apos;юераў</translation>
    </message>
    <message>
        <source>%1 only, with its PDF certificate</source>
        <translation>Толькі %1, з PDF-сертыфікатам прылады</translation>
    </message>
    <message>
        <source>Who the card is for</source>
        <translation>Для каго картка</translation>
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
        <source>Paper size</source>
        <translation>Фармат паперы</translation>
    </message>
    <message>
        <source>Choose folder and write…</source>
        <translation>Абраць папку і запісаць…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>HQ name on the card:</source>
        <translation>Назва штаба на картцы:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Для каго:</translation>
    </message>
    <message>
        <source>Printed page in:</source>
        <translation>Мова старонкі:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Папера:</translation>
    </message>
    <message>
        <source>Key card</source>
        <translation>Ключавая картка</translation>
    </message>
    <message>
        <source>Folder for the key card</source>
        <translation>Папка для ключавой карткі</translation>
    </message>
    <message>
        <source>The key card is too large for a QR code. Use a shorter HQ name.</source>
        <translation>Ключавая картка занадта вялікая для QR-кода. Выкарыстоўвайце карацейшую назву штаба.</translation>
    </message>
    <message>
        <source>The key card and its printable page were saved:
%1
%2

Give the card to interviewers, and tell them the root fingerprint in person or by phone:
%3</source>
        <translation>Ключавая картка і яе старонка для друку захаваны:
%1
%2

Перадайце картку інтэрв&apos;юерам і паведаміце ім каранёвы адбітак асабіста або па тэлефоне:
%3</translation>
    </message>
</context>
<context>
    <name>HqMessages</name>
    <message>
        <source>The file is not a NAM bundle, or its contents break the format.</source>
        <translation>Гэта не пакет NAM, або яго змесціва парушае фармат.</translation>
    </message>
    <message>
        <source>The bundle exceeds a size limit; it was not read further.</source>
        <translation>Пакет перавышае абмежаванне памеру; далей ён не чытаўся.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of NAM Desktop, in a format this version cannot read. Update NAM Desktop, then import it again.</source>
        <translation>Гэты пакет створаны больш новай версіяй NAM Desktop у фармаце, які гэтая версія не ўмее чытаць. Абнавіце NAM Desktop і імпартуйце яго зноў.</translation>
    </message>
    <message>
        <source>The parts of this bundle contradict each other (a file differs from its description, or a description belongs to no testimony). It was signed that way, so faulty or tampered software made it. Nothing was imported.</source>
        <translation>Часткі гэтага пакета супярэчаць адна адной (файл не супадае са сваім апісаннем або апісанне не належыць ніводнаму сведчанню). Ён быў падпісаны ў такім выглядзе, значыць, яго стварыла няспраўная або падробленая праграма. Нічога не імпартавана.</translation>
    </message>
    <message>
        <source>The file was damaged, altered or cut short (even one changed byte is noticed). Copy it from the stick again, or ask the interviewer for a new export.</source>
        <translation>Файл пашкоджаны, зменены або абрэзаны (заўважаецца нават адзін зменены байт). Скапіюйце яго з флэшкі яшчэ раз або папрасіце інтэрв&apos;юера зрабіць новы экспарт.</translation>
    </message>
    <message>
        <source>The file is incomplete (cut short). Copy it from the stick again.</source>
        <translation>Файл няпоўны (абрэзаны). Скапіюйце яго з флэшкі яшчэ раз.</translation>
    </message>
    <message>
        <source>This bundle is not addressed to this HQ: it was encrypted for other keys. Was the interviewer&apos;s key card from another HQ or outdated?</source>
        <translation>Гэты пакет адрасаваны не гэтаму штабу: ён зашыфраваны для іншых ключоў. Можа быць, ключавая картка інтэрв&apos;юера ад іншага штаба або састарэла?</translation>
    </message>
    <message>
        <source>Signed by a device that is not registered here. Compare its fingerprint with the interviewer in person or by phone, register the device, then import again.</source>
        <translation>Падпісаны прыладай, якая тут не зарэгістравана. Звярыце яе адбітак з інтэрв&apos;юерам асабіста або па тэлефоне, зарэгіструйце прыладу і імпартуйце зноў.</translation>
    </message>
    <message>
        <source>The signature does not match: the bundle was forged or altered.</source>
        <translation>Подпіс не супадае: пакет падроблены або зменены.</translation>
    </message>
    <message>
        <source>Part of the bundle differs from what the interviewer signed: it was altered.</source>
        <translation>Частка пакета адрозніваецца ад таго, што падпісаў інтэрв&apos;юер: ён быў зменены.</translation>
    </message>
    <message>
        <source>Two different bundles with the same sequence number came from this device — the device key may have been copied. The alarm is recorded for review.</source>
        <translation>З гэтай прылады прыйшлі два розныя пакеты з адным парадкавым нумарам — ключ прылады маглі скапіяваць. Трывога запісана для праверкі.</translation>
    </message>
    <message>
        <source>Some items arrived with different content than the copies already here. The alarm is recorded; review these items:</source>
        <translation>Некаторыя элементы прыйшлі са змесцівам, адрозным ад ужо наяўных копій. Трывога запісана; праверце гэтыя элементы:</translation>
    </message>
    <message>
        <source>The vault&apos;s disk could not be written (full or removed?).</source>
        <translation>Не ўдалося запісаць на дыск сховішча (перапоўнены або адлучаны?).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Скасавана.</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet.</source>
        <translation>У гэтым сховішчы штаба яшчэ няма ключоў штаба.</translation>
    </message>
    <message>
        <source>This needs an HQ vault.</source>
        <translation>Для гэтага патрэбна сховішча штаба.</translation>
    </message>
    <message>
        <source>missing bundle (lost stick?)</source>
        <translation>пакета не хапае (страчана флэшка?)</translation>
    </message>
    <message>
        <source>fork (device key copied?)</source>
        <translation>раздваенне (ключ прылады скапіяваны?)</translation>
    </message>
    <message>
        <source>conflict (different content)</source>
        <translation>канфлікт (іншае змесціва)</translation>
    </message>
    <message>
        <source>Nothing from this bundle was imported.</source>
        <translation>З гэтага пакета нічога не імпартавана.</translation>
    </message>
</context>
<context>
    <name>HqRecoveryDialog</name>
    <message>
        <source>Recovery request</source>
        <translation>Запыт на аднаўленне</translation>
    </message>
    <message>
        <source>An interviewer who cannot open their vault (after travel mode, or a forgotten passphrase) sends a recovery request. The answer opens that vault on their device only, once.</source>
        <translation>Інтэрв&apos;юер, які не можа адкрыць сваё сховішча (пасля рэжыму паездкі або калі забыў парольную фразу), дасылае запыт на аднаўленне. Адказ адкрывае гэтае сховішча толькі на яго прыладзе і толькі адзін раз.</translation>
    </message>
    <message>
        <source>Open a request…</source>
        <translation>Адкрыць запыт…</translation>
    </message>
    <message>
        <source>Answer only after the interviewer has read you this code through another channel than the one that brought the file (in person, or a call you place to a number you know), and you are sure they are free to ask. Whoever gets this answer can open the vault.</source>
        <translation>Адказвайце, толькі калі інтэрв&apos;юер прадыктаваў вам гэты код па іншым канале, чым той, па якім прыйшоў файл (асабіста або па званку, які вы самі зрабілі на вядомы вам нумар), і вы ўпэўненыя, што ён просіць не пад прымусам. Той, хто атрымае адказ, зможа адкрыць сховішча.</translation>
    </message>
    <message>
        <source>The interviewer read me this code through another channel</source>
        <translation>Інтэрв&apos;юер прадыктаваў мне гэты код па іншым канале</translation>
    </message>
    <message>
        <source>Write the answer…</source>
        <translation>Запісаць адказ…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>From %1 (%2), made %3. Request code:</source>
        <translation>Ад %1 (%2), створаны %3. Код запыту:</translation>
    </message>
    <message>
        <source>Where to save the answer</source>
        <translation>Куды захаваць адказ</translation>
    </message>
    <message>
        <source>The answer was saved as %1. Give it to the interviewer: it opens their vault on their device only, once.</source>
        <translation>Адказ захаваны як %1. Перадайце яго інтэрв&apos;юеру: ён адкрые сховішча толькі на яго прыладзе і толькі адзін раз.</translation>
    </message>
</context>
<context>
    <name>HqStationPage</name>
    <message>
        <source>HQ station</source>
        <translation>Станцыя штаба</translation>
    </message>
    <message>
        <source>This computer becomes HQ&apos;s import station. Its vault holds HQ&apos;s keys (they never leave it), the testimonies interviewers send, and the register of their devices. Interviewers receive only HQ&apos;s public key card.</source>
        <translation>Гэты камп&apos;ютар стане станцыяй штаба для імпарту. У яго сховішчы будуць ключы штаба (яны ніколі яго не пакідаюць), сведчанні, якія дасылаюць інтэрв&apos;юеры, і рэестр іх прылад. Інтэрв&apos;юеры атрымліваюць толькі адкрытую ключавую картку штаба.</translation>
    </message>
    <message>
        <source>Name printed on HQ&apos;s key cards (optional):</source>
        <translation>Назва штаба на ключавых картках (неабавязкова):</translation>
    </message>
    <message>
        <source>HQ name</source>
        <translation>Назва штаба</translation>
    </message>
    <message>
        <source>e.g. HQ Vilnius</source>
        <translation>напрыклад, Штаб Вільнюс</translation>
    </message>
</context>
<context>
    <name>HqTestimonyView</name>
    <message>
        <source>Show identity</source>
        <translation>Паказаць асабовыя даныя</translation>
    </message>
    <message>
        <source>The witness&apos;s name and contacts, if the interviewer sent them</source>
        <translation>Імя і кантакты сведкі, калі інтэрв&apos;юер іх даслаў</translation>
    </message>
    <message>
        <source>Summary / print…</source>
        <translation>Зводка / друк…</translation>
    </message>
    <message>
        <source>Testimony (read only)</source>
        <translation>Сведчанне (толькі чытанне)</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Сведчанне</translation>
    </message>
    <message>
        <source>Select a testimony to read it. Testimonies received at HQ are read only.</source>
        <translation>Абярыце сведчанне, каб прачытаць яго. Сведчанні, атрыманыя штабам, даступныя толькі для чытання.</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Файлы (%1)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Kept on the interviewer&apos;s device, not sent.</source>
        <translation>Засталіся на прыладзе інтэрв&apos;юера, не адпраўлены.</translation>
    </message>
</context>
<context>
    <name>HqUwaziDialog</name>
    <message>
        <source>Export to Uwazi</source>
        <translation>Экспарт у Uwazi</translation>
    </message>
    <message>
        <source>Writes the testimonies HQ may share as Uwazi import packages: one zip per template, acts first. Everything is checked against a snapshot of the Uwazi collection (its templates, thesauri and settings) before anything is written. Only pseudonymised content leaves the vault; the witness&apos;s identity never does.</source>
        <translation>Запісвае сведчанні, якімі штаб можа дзяліцца, як пакеты імпарту Uwazi: па адным zip на шаблон, спачатку эпізоды. Перад запісам усё правяраецца па здымку калекцыі Uwazi (яе шаблонах, тэзаўрусах і наладах). Са сховішча выходзіць толькі псеўданімізаванае змесціва; асабовыя даныя сведкі — ніколі.</translation>
    </message>
    <message>
        <source>The packages contain testimony text in plain, readable form, for the Uwazi admin. They are written only into the folder you choose: use an encrypted drive, and delete them once they are imported.</source>
        <translation>Пакеты змяшчаюць тэкст сведчанняў у адкрытым, чытэльным выглядзе — для адміністратара Uwazi. Яны запісваюцца толькі ў абраную вамі папку: выкарыстоўвайце зашыфраваны дыск і выдаліце іх пасля імпарту.</translation>
    </message>
    <message>
        <source>Uwazi snapshot:</source>
        <translation>Здымак Uwazi:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Папка для пакетаў:</translation>
    </message>
    <message>
        <source>Mapping:</source>
        <translation>Супастаўленне:</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Экспартаваць:</translation>
    </message>
    <message>
        <source>Choose snapshot folder…</source>
        <translation>Абраць папку здымка…</translation>
    </message>
    <message>
        <source>Choose output folder…</source>
        <translation>Абраць папку…</translation>
    </message>
    <message>
        <source>Choose mapping file…</source>
        <translation>Абраць файл супастаўлення…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Праверыць</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспартаваць</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Экспарт: прагрэс</translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation>Праблемы і заўвагі</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Радок</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Слупок</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>Stored snapshot no. %1 of %2</source>
        <translation>Захаваны здымак № %1 ад %2</translation>
    </message>
    <message>
        <source>No snapshot stored yet: choose its folder</source>
        <translation>Здымак яшчэ не захаваны: абярыце яго папку</translation>
    </message>
    <message>
        <source>Recommended templates (default)</source>
        <translation>Рэкамендаваныя шаблоны (па змаўчанні)</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Не абрана</translation>
    </message>
    <message>
        <source>New and changed since the last export</source>
        <translation>Новае і змененае з апошняга экспарту</translation>
    </message>
    <message>
        <source>Everything again (may duplicate entities in Uwazi)</source>
        <translation>Усё нанова (у Uwazi могуць з&apos;явіцца дублікаты)</translation>
    </message>
    <message>
        <source>New and changed since export no. %1 (%2)</source>
        <translation>Новае і змененае з экспарту № %1 (%2)</translation>
    </message>
    <message>
        <source>Uwazi snapshot folder</source>
        <translation>Папка здымка Uwazi</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Папка для пакетаў</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Файл супастаўлення</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Праверка…</translation>
    </message>
    <message>
        <source>Checking and writing…</source>
        <translation>Праверка і запіс…</translation>
    </message>
    <message numerus="yes">
        <source>Check passed: %n testimonies would be exported.</source>
        <translation>
            <numerusform>Праверка пройдзена: будзе экспартавана %n сведчанне.</numerusform>
            <numerusform>Праверка пройдзена: будзе экспартавана %n сведчанні.</numerusform>
            <numerusform>Праверка пройдзена: будзе экспартавана %n сведчанняў.</numerusform>
        </translation>
    </message>
    <message>
        <source>Packages: %1. Unchanged since the last export: %2.</source>
        <translation>Пакетаў: %1. Без змен з апошняга экспарту: %2.</translation>
    </message>
    <message>
        <source>Export no. %1 written to %2. Testimonies: %3, acts: %4, files: %5, packages: %6. Import the packages in Uwazi in the order of their numbers.</source>
        <translation>Экспарт № %1 запісаны ў %2. Сведчанняў: %3, эпізодаў: %4, файлаў: %5, пакетаў: %6. Імпартуйце пакеты ў Uwazi ў парадку іх нумароў.</translation>
    </message>
    <message>
        <source>Nothing new or changed since the last export.</source>
        <translation>З апошняга экспарту няма нічога новага або змененага.</translation>
    </message>
    <message>
        <source>Nothing new or changed since the last export: nothing was written.</source>
        <translation>З апошняга экспарту няма нічога новага або змененага: нічога не запісана.</translation>
    </message>
    <message numerus="yes">
        <source>Export refused: %n problems. Nothing was written.</source>
        <translation>
            <numerusform>Экспарт адхілены: %n праблема. Нічога не запісана.</numerusform>
            <numerusform>Экспарт адхілены: %n праблемы. Нічога не запісана.</numerusform>
            <numerusform>Экспарт адхілены: %n праблем. Нічога не запісана.</numerusform>
        </translation>
    </message>
    <message>
        <source>header</source>
        <translation>загаловак</translation>
    </message>
    <message>
        <source>Remove from Uwazi: consent no longer allows it</source>
        <translation>Выдаліць з Uwazi: згода больш гэтага не дазваляе</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>файл %1</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Не ўключана:</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Здымак</translation>
    </message>
</context>
<context>
    <name>HqWindow</name>
    <message>
        <source>NAM Desktop — HQ</source>
        <translation>NAM Desktop — штаб</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Сведчанні</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпарт</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Прылады</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Імпартаваць пакеты…</translation>
    </message>
    <message>
        <source>Write key card…</source>
        <translation>Запісаць ключавую картку…</translation>
    </message>
    <message>
        <source>Export to Uwazi…</source>
        <translation>Экспарт у Uwazi…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налады</translation>
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
        <source>HQ toolbar</source>
        <translation>Панэль штаба</translation>
    </message>
    <message>
        <source>Testimonies received</source>
        <translation>Атрыманыя сведчанні</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet: create them before writing a key card or importing bundles.</source>
        <translation>У гэтым сховішчы штаба яшчэ няма ключоў штаба: стварыце іх, перш чым запісваць ключавую картку або імпартаваць пакеты.</translation>
    </message>
    <message>
        <source>Create HQ keys</source>
        <translation>Стварыць ключы штаба</translation>
    </message>
    <message>
        <source>Alarms (%1)</source>
        <translation>Трывогі (%1)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Трывогі</translation>
    </message>
    <message>
        <source>Create the HQ root, receipt and encryption keys in this vault? They never leave it; interviewers receive only the public key card.</source>
        <translation>Стварыць у гэтым сховішчы каранёвы ключ штаба, ключ квітанцый і ключ шыфравання? Яны ніколі яго не пакідаюць; інтэрв&apos;юеры атрымліваюць толькі адкрытую ключавую картку.</translation>
    </message>
    <message>
        <source>Received from %1 (%2), bundle no. %3, imported %4. Read only.</source>
        <translation>Атрымана ад %1 (%2), пакет № %3, імпартавана %4. Толькі чытанне.</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Не ўдаецца адкрыць</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Станцыя</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Выгляд</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйсці</translation>
    </message>
    <message>
        <source>Search testimonies</source>
        <translation>Пошук па сведчаннях</translation>
    </message>
    <message>
        <source>Recovery request…</source>
        <translation>Запыт на аднаўленне…</translation>
    </message>
    <message>
        <source>Give an interviewer access back to their vault</source>
        <translation>Вярнуць інтэрв&apos;юеру доступ да яго сховішча</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Схаваць</translation>
    </message>
    <message>
        <source>Lock at once and empty the clipboard (%1)</source>
        <translation>Адразу заблакаваць і ачысціць буфер абмену (%1)</translation>
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
    <name>KeyCardDialog</name>
    <message>
        <source>No key card yet: bundles for HQ cannot be made until you import one.</source>
        <translation>Ключавой карткі пакуль няма: пакеты для штаба нельга стварыць, пакуль вы яе не імпартуеце.</translation>
    </message>
    <message>
        <source>Key card number %1 from %2, issued %3. Originals accepted: %4. HQ&apos;s fingerprint:</source>
        <translation>Ключавая картка № %1 ад «%2», выдадзена %3. Арыгіналы прымаюцца: %4. Адбітак штаба:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>не</translation>
    </message>
    <message>
        <source>Key card number %1 (the card names no HQ), issued %2. Originals accepted: %3. HQ&apos;s fingerprint:</source>
        <translation>Ключавая картка № %1 (назва штаба на ёй не пазначана), выдадзена %2. Арыгіналы прымаюцца: %3. Адбітак штаба:</translation>
    </message>
    <message>
        <source>Bundles are encrypted for:</source>
        <translation>Пакеты шыфруюцца для:</translation>
    </message>
    <message>
        <source>HQ key card</source>
        <translation>Ключавая картка штаба</translation>
    </message>
    <message>
        <source>Key card in use</source>
        <translation>Ключавая картка ў выкарыстанні</translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation>Імпарт ключавой карткі</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
</context>
<context>
    <name>KeyCardPage</name>
    <message>
        <source>HQ&apos;s key card (optional)</source>
        <translation>Ключавая картка штаба (неабавязкова)</translation>
    </message>
    <message>
        <source>If HQ has already given you its key card, import it now. You can also do it later from the HQ menu.</source>
        <translation>Калі штаб ужо перадаў вам сваю ключавую картку, імпартуйце яе зараз. Гэта можна зрабіць і пазней праз меню «Штаб».</translation>
    </message>
    <message>
        <source>I&apos;ll do it later</source>
        <translation>Зраблю гэта пазней</translation>
    </message>
</context>
<context>
    <name>KeyCardPanel</name>
    <message>
        <source>HQ key card</source>
        <translation>Ключавая картка штаба</translation>
    </message>
    <message>
        <source>This key card is already in use. Nothing to do.</source>
        <translation>Гэтая ключавая картка ўжо выкарыстоўваецца. Рабіць нічога не трэба.</translation>
    </message>
    <message>
        <source>Does this fingerprint match the one HQ gave you?</source>
        <translation>Ці супадае гэты адбітак з тым, што вам даў штаб?</translation>
    </message>
    <message>
        <source>Compare it group by group with the fingerprint HQ read to you by phone or gave you in person — not with one that came with the file. Only if every letter and digit matches, press &quot;It matches&quot;. Someone who swapped the file could read everything you send.</source>
        <translation>Звярыце яго група за групай з адбіткам, які штаб прадыктаваў вам па тэлефоне або перадаў асабіста, — а не з тым, што прыйшоў разам з файлам. Націскайце «Супадае», толькі калі супадае кожная літара і лічба. Той, хто падмяніў файл, зможа прачытаць усё, што вы адправіце.</translation>
    </message>
    <message>
        <source>It matches: trust this key card</source>
        <translation>Супадае: давяраць гэтай ключавой картцы</translation>
    </message>
    <message>
        <source>It does not match</source>
        <translation>Не супадае</translation>
    </message>
    <message>
        <source>A newer key card from the same HQ</source>
        <translation>Новая ключавая картка ад таго ж штаба</translation>
    </message>
    <message>
        <source>It is signed by the HQ key you already trust (fingerprint above) and replaces key card number %1.</source>
        <translation>Яна падпісана ключом штаба, якому вы ўжо давяраеце (адбітак вышэй), і замяняе ключавую картку № %1.</translation>
    </message>
    <message>
        <source>Use the new key card</source>
        <translation>Выкарыстоўваць новую ключавую картку</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не зараз</translation>
    </message>
    <message>
        <source>Key card number %1, issued %2. Originals accepted: %3.</source>
        <translation>Ключавая картка № %1, выдадзена %2. Арыгіналы прымаюцца: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>не</translation>
    </message>
    <message>
        <source>HQ&apos;s key card was imported. You can now send bundles to HQ.</source>
        <translation>Ключавая картка штаба імпартавана. Цяпер вы можаце адпраўляць пакеты ў штаб.</translation>
    </message>
    <message>
        <source>The new key card is now in use.</source>
        <translation>Цяпер выкарыстоўваецца новая ключавая картка.</translation>
    </message>
    <message>
        <source>The key card was not imported. Tell HQ through a trusted channel that the fingerprints differ: someone may have replaced the file.</source>
        <translation>Ключавая картка не імпартавана. Паведаміце штабу праз надзейны канал, што адбіткі не супадаюць: магчыма, хтосьці падмяніў файл.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card is a small file from HQ. With it, the bundles you send can be opened only by HQ. Open the file, or paste its text.</source>
        <translation>Ключавая картка штаба — гэта невялікі файл ад штаба. З ёй адпраўленыя вамі пакеты зможа адкрыць толькі штаб. Адкрыйце файл або ўстаўце яго тэкст.</translation>
    </message>
    <message>
        <source>Open key card file…</source>
        <translation>Адкрыць файл ключавой карткі…</translation>
    </message>
    <message>
        <source>…or paste the key card text here</source>
        <translation>…або ўстаўце сюды тэкст ключавой карткі</translation>
    </message>
    <message>
        <source>Key card text</source>
        <translation>Тэкст ключавой карткі</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Праверыць</translation>
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
    <message>
        <source>What is this computer for?</source>
        <translation>Для чаго гэты камп&apos;ютар?</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Інтэрв&apos;юер</translation>
    </message>
    <message>
        <source>Record testimonies and send them to HQ on a USB stick.</source>
        <translation>Запісваць сведчанні і перадаваць іх у штаб на флэшцы.</translation>
    </message>
    <message>
        <source>Set up an HQ station</source>
        <translation>Наладзіць станцыю штаба</translation>
    </message>
    <message>
        <source>Receive and check the bundles interviewers send, register their devices, write key cards and receipts.</source>
        <translation>Прымаць і правяраць пакеты ад інтэрв&apos;юераў, рэгістраваць іх прылады, запісваць ключавыя карткі і квітанцыі.</translation>
    </message>
</context>
<context>
    <name>ListLoader</name>
    <message>
        <source>The list could not be read: %1</source>
        <translation>Не ўдалося прачытаць спіс: %1</translation>
    </message>
    <message numerus="yes">
        <source>Loading the list: the first %1 of %n testimonies are shown. Sorting, filters and search cover the whole list once it is in.</source>
        <translation>
            <numerusform>Спіс загружаецца: паказаны першыя %1 з %n сведчання. Сартаванне, фільтры і пошук ахопяць увесь спіс, калі ён загрузіцца.</numerusform>
            <numerusform>Спіс загружаецца: паказаны першыя %1 з %n сведчанняў. Сартаванне, фільтры і пошук ахопяць увесь спіс, калі ён загрузіцца.</numerusform>
            <numerusform>Спіс загружаецца: паказаны першыя %1 з %n сведчанняў. Сартаванне, фільтры і пошук ахопяць увесь спіс, калі ён загрузіцца.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>Спіс загружаецца…</translation>
    </message>
    <message>
        <source>Updating the list…</source>
        <translation>Спіс абнаўляецца…</translation>
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
        <source>Main toolbar</source>
        <translation>Галоўная панэль</translation>
    </message>
    <message>
        <source>&amp;HQ</source>
        <translation>&amp;Штаб</translation>
    </message>
    <message>
        <source>Send to HQ…</source>
        <translation>Адправіць у штаб…</translation>
    </message>
    <message>
        <source>Write the final testimonies to a USB stick for HQ, encrypted</source>
        <translation>Запісаць завершаныя сведчанні на флэшку для штаба ў зашыфраваным выглядзе</translation>
    </message>
    <message>
        <source>Import HQ key card…</source>
        <translation>Імпартаваць ключавую картку штаба…</translation>
    </message>
    <message>
        <source>Import HQ receipt…</source>
        <translation>Імпартаваць квітанцыю штаба…</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Не ўдаецца адкрыць</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Не ўдалося захаваць: %1</translation>
    </message>
    <message>
        <source>Record interview</source>
        <translation>Запісаць інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>Record the interview into this testimony (Ctrl+R)</source>
        <translation>Запісаць інтэрв&apos;ю ў гэтае сведчанне (Ctrl+R)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Схаваць</translation>
    </message>
    <message>
        <source>Lock at once and empty the clipboard (%1)</source>
        <translation>Адразу заблакаваць і ачысціць буфер абмену (%1)</translation>
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
        <translation>Гэтае сховішча ўжо адкрыта ў іншым акне або праграме. Спачатку закрыйце яго там.</translation>
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
        <source>There is not enough free space on the disk. Nothing was changed. Free some space and try again.</source>
        <translation>На дыску не хапае вольнага месца. Нічога не зменена. Вызваліце месца і паспрабуйце яшчэ раз.</translation>
    </message>
    <message>
        <source>The disk could not be read or written: it may have been removed or be faulty. Nothing was changed.</source>
        <translation>Не ўдалося прачытаць дыск або запісаць на яго: магчыма, ён выняты або няспраўны. Нічога не зменена.</translation>
    </message>
    <message>
        <source>The file was refused: it is damaged, was altered, or is not meant for this vault. Nothing was changed.</source>
        <translation>Файл адхілены: ён пашкоджаны, зменены або прызначаны не для гэтага сховішча. Нічога не зменена.</translation>
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
    <message>
        <source>This vault is waiting for access from HQ: no passphrase opens it now. Make a recovery request and give it to HQ.</source>
        <translation>Гэтае сховішча чакае доступу ад штаба: цяпер яго не адкрывае ніякая парольная фраза. Стварыце запыт на аднаўленне і перадайце яго штабу.</translation>
    </message>
</context>
<context>
    <name>MetadataWords</name>
    <message>
        <source>Location %1</source>
        <translation>Месцазнаходжанне %1</translation>
    </message>
    <message>
        <source>Place name “%1”</source>
        <translation>Назва месца «%1»</translation>
    </message>
    <message>
        <source>Camera serial number %1</source>
        <translation>Серыйны нумар камеры %1</translation>
    </message>
    <message>
        <source>Owner&apos;s name “%1”</source>
        <translation>Імя ўладальніка «%1»</translation>
    </message>
    <message>
        <source>Author “%1”</source>
        <translation>Аўтар «%1»</translation>
    </message>
    <message>
        <source>Copyright notice “%1”</source>
        <translation>Звесткі пра аўтарскае права «%1»</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Камера %1</translation>
    </message>
    <message>
        <source>Date and time %1</source>
        <translation>Дата і час %1</translation>
    </message>
    <message>
        <source>Software “%1”</source>
        <translation>Праграма «%1»</translation>
    </message>
    <message>
        <source>Caption, title or comment “%1”</source>
        <translation>Подпіс, загаловак або каментар «%1»</translation>
    </message>
    <message>
        <source>Location (GPS)</source>
        <translation>Месцазнаходжанне (GPS)</translation>
    </message>
    <message>
        <source>A place name</source>
        <translation>Назва месца</translation>
    </message>
    <message>
        <source>A serial number</source>
        <translation>Серыйны нумар</translation>
    </message>
    <message>
        <source>The owner&apos;s name</source>
        <translation>Імя ўладальніка</translation>
    </message>
    <message>
        <source>The author&apos;s name</source>
        <translation>Імя аўтара</translation>
    </message>
    <message>
        <source>A copyright notice</source>
        <translation>Звесткі пра аўтарскае права</translation>
    </message>
    <message>
        <source>The camera model</source>
        <translation>Мадэль камеры</translation>
    </message>
    <message>
        <source>Dates and times</source>
        <translation>Даты і час</translation>
    </message>
    <message>
        <source>The software used</source>
        <translation>Выкарыстаная праграма</translation>
    </message>
    <message>
        <source>A caption, title or comment</source>
        <translation>Подпіс, загаловак або каментар</translation>
    </message>
    <message>
        <source>A small preview picture, which may show more than the picture itself</source>
        <translation>Мініяцюра, на якой можа быць відаць больш, чым на самім здымку</translation>
    </message>
    <message>
        <source>Document identifiers that can link copies of the file</source>
        <translation>Ідэнтыфікатары дакумента, па якіх можна звязаць копіі файла</translation>
    </message>
    <message>
        <source>The editing history (earlier versions, editing time)</source>
        <translation>Гісторыя правак (ранейшыя версіі, час рэдагавання)</translation>
    </message>
    <message>
        <source>The camera maker&apos;s hidden data block</source>
        <translation>Схаваны блок даных вытворцы камеры</translation>
    </message>
    <message>
        <source>the picture</source>
        <translation>сама выява</translation>
    </message>
    <message>
        <source>its orientation</source>
        <translation>яе арыентацыя</translation>
    </message>
    <message>
        <source>its colour profile</source>
        <translation>каляровы профіль</translation>
    </message>
    <message>
        <source>the sound</source>
        <translation>гук</translation>
    </message>
    <message>
        <source>the video</source>
        <translation>відэа</translation>
    </message>
    <message>
        <source>the pages</source>
        <translation>старонкі</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>тэкст</translation>
    </message>
    <message>
        <source>This type of file is not checked: it was stored as it is, and hidden information may still be in it.</source>
        <translation>Файлы гэтага тыпу не правяраюцца: файл захаваны як ёсць, і схаваныя даныя могуць у ім застацца.</translation>
    </message>
    <message>
        <source>The content itself was not changed or re-encoded: only the hidden information was taken out.</source>
        <translation>Само змесціва не зменена і не сціснута нанова: выдалены толькі схаваныя даныя.</translation>
    </message>
    <message>
        <source>The file was rewritten without its hidden information; what it shows is unchanged.</source>
        <translation>Файл перазапісаны без схаваных даных; яго змесціва не змянілася.</translation>
    </message>
    <message>
        <source>Tracked changes were accepted, and comments or embedded files were removed.</source>
        <translation>Адсочваныя праўкі прынятыя, каментары і ўбудаваныя файлы выдалены.</translation>
    </message>
    <message numerus="yes">
        <source>%n other identifying items</source>
        <translation>
            <numerusform>яшчэ %n элемент, які раскрывае асобу</numerusform>
            <numerusform>яшчэ %n элементы, якія раскрываюць асобу</numerusform>
            <numerusform>яшчэ %n элементаў, якія раскрываюць асобу</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n technical details, such as camera settings</source>
        <translation>
            <numerusform>%n тэхнічная падрабязнасць (напрыклад, налады камеры)</numerusform>
            <numerusform>%n тэхнічныя падрабязнасці (напрыклад, налады камеры)</numerusform>
            <numerusform>%n тэхнічных падрабязнасцей (напрыклад, налады камеры)</numerusform>
        </translation>
    </message>
    <message>
        <source>removed</source>
        <translation>выдалена</translation>
    </message>
    <message>
        <source>still in the file</source>
        <translation>засталося ў файле</translation>
    </message>
    <message>
        <source>No hidden information was found.</source>
        <translation>Схаваных даных не знойдзена.</translation>
    </message>
    <message>
        <source>No hidden information could be read.</source>
        <translation>Схаваныя даныя прачытаць не ўдалося.</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Захавана: %1</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>невядомы тып</translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n каментарый</numerusform>
            <numerusform>%n каментарыі</numerusform>
            <numerusform>%n каментарыяў</numerusform>
        </translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Каментарыі</translation>
    </message>
    <message numerus="yes">
        <source>The speaker notes of %n slides</source>
        <translation>
            <numerusform>Нататкі дакладчыка да %n слайда</numerusform>
            <numerusform>Нататкі дакладчыка да %n слайдаў</numerusform>
            <numerusform>Нататкі дакладчыка да %n слайдаў</numerusform>
        </translation>
    </message>
    <message>
        <source>The speaker notes</source>
        <translation>Нататкі дакладчыка</translation>
    </message>
    <message numerus="yes">
        <source>%n tracked changes (accepted into the text)</source>
        <translation>
            <numerusform>%n праўка (прынята ў тэкст)</numerusform>
            <numerusform>%n праўкі (прыняты ў тэкст)</numerusform>
            <numerusform>%n правак (прыняты ў тэкст)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracked changes (accepted into the text)</source>
        <translation>Праўкі (прыняты ў тэкст)</translation>
    </message>
    <message numerus="yes">
        <source>%n embedded files</source>
        <translation>
            <numerusform>%n убудаваны файл</numerusform>
            <numerusform>%n убудаваныя файлы</numerusform>
            <numerusform>%n убудаваных файлаў</numerusform>
        </translation>
    </message>
    <message>
        <source>Embedded files</source>
        <translation>Убудаваныя файлы</translation>
    </message>
    <message>
        <source>Parts of the file that cannot be checked</source>
        <translation>Часткі файла, якія немагчыма праверыць</translation>
    </message>
    <message>
        <source>(who wrote them: %1)</source>
        <translation>(хто напісаў: %1)</translation>
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
        <translation>Закрыць</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>HQ receipt</source>
        <translation>Квітанцыя штаба</translation>
    </message>
    <message>
        <source>HQ confirmed that it received your bundles. These testimonies are now marked delivered:</source>
        <translation>Штаб пацвердзіў атрыманне вашых пакетаў. Гэтыя сведчанні цяпер адзначаны як перададзеныя:</translation>
    </message>
    <message>
        <source>The receipt is valid. No testimony changed: everything it lists was already marked delivered or has been edited since.</source>
        <translation>Квітанцыя сапраўдная. Ніводнае сведчанне не змянілася: усё, што ў ёй пазначана, ужо адзначана як перададзенае або з таго часу было адрэдагавана.</translation>
    </message>
    <message>
        <source>Signed by HQ&apos;s receipt key %1 (key card no. %2).</source>
        <translation>Падпісана ключом квітанцый штаба %1 (ключавая картка № %2).</translation>
    </message>
    <message numerus="yes">
        <source>The receipt also lists %n bundles that this vault did not make. Tell HQ: they may have mixed up devices.</source>
        <translation>
            <numerusform>У квітанцыі таксама пазначаны %n пакет, які не створаны гэтым сховішчам. Паведаміце штабу: магчыма, там пераблыталі прылады.</numerusform>
            <numerusform>У квітанцыі таксама пазначаны %n пакеты, якія не створаны гэтым сховішчам. Паведаміце штабу: магчыма, там пераблыталі прылады.</numerusform>
            <numerusform>У квітанцыі таксама пазначана %n пакетаў, якія не створаны гэтым сховішчам. Паведаміце штабу: магчыма, там пераблыталі прылады.</numerusform>
        </translation>
    </message>
    <message>
        <source>This receipt comes from an older HQ program: it does not list the files HQ received, so no file can be destroyed with it. Ask HQ for a new receipt.</source>
        <translation>Гэтая квітанцыя створана старой версіяй праграмы штаба: у ёй няма спіса файлаў, атрыманых штабам, таму па ёй нельга знішчыць ніводнага файла. Папрасіце ў штаба новую квітанцыю.</translation>
    </message>
    <message>
        <source>original</source>
        <translation>арыгінал</translation>
    </message>
    <message>
        <source>cleaned copy</source>
        <translation>ачышчаная копія</translation>
    </message>
    <message numerus="yes">
        <source>%n files on this computer can be destroyed: HQ holds exact copies (same SHA-256).</source>
        <translation>
            <numerusform>%n файл на гэтым камп&apos;ютары можна знішчыць: у штаба ёсць яго дакладная копія (той жа SHA-256).</numerusform>
            <numerusform>%n файлы на гэтым камп&apos;ютары можна знішчыць: у штаба ёсць іх дакладныя копіі (той жа SHA-256).</numerusform>
            <numerusform>%n файлаў на гэтым камп&apos;ютары можна знішчыць: у штаба ёсць іх дакладныя копіі (той жа SHA-256).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n originals that HQ has not received stay on this computer.</source>
        <translation>
            <numerusform>%n арыгінал, які штаб не атрымліваў, застаецца на гэтым камп&apos;ютары.</numerusform>
            <numerusform>%n арыгіналы, якія штаб не атрымліваў, застаюцца на гэтым камп&apos;ютары.</numerusform>
            <numerusform>%n арыгіналаў, якія штаб не атрымліваў, застаюцца на гэтым камп&apos;ютары.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleaned copies that HQ has not received stay on this computer.</source>
        <translation>
            <numerusform>%n ачышчаная копія, якую штаб не атрымліваў, застаецца на гэтым камп&apos;ютары.</numerusform>
            <numerusform>%n ачышчаныя копіі, якія штаб не атрымліваў, застаюцца на гэтым камп&apos;ютары.</numerusform>
            <numerusform>%n ачышчаных копій, якія штаб не атрымліваў, застаюцца на гэтым камп&apos;ютары.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Destroy %n files on this computer? HQ holds exact copies of them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</source>
        <translation>
            <numerusform>Знішчыць на гэтым камп&apos;ютары %n файл? У штаба ёсць яго дакладная копія. Тэкст сведчанняў і запіс пра тое, што было адпраўлена, застануцца. Гэтае дзеянне нельга адмяніць.</numerusform>
            <numerusform>Знішчыць на гэтым камп&apos;ютары %n файлы? У штаба ёсць іх дакладныя копіі. Тэкст сведчанняў і запіс пра тое, што было адпраўлена, застануцца. Гэтае дзеянне нельга адмяніць.</numerusform>
            <numerusform>Знішчыць на гэтым камп&apos;ютары %n файлаў? У штаба ёсць іх дакладныя копіі. Тэкст сведчанняў і запіс пра тое, што было адпраўлена, застануцца. Гэтае дзеянне нельга адмяніць.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy files on this computer?</source>
        <translation>Знішчыць файлы на гэтым камп&apos;ютары?</translation>
    </message>
    <message numerus="yes">
        <source>%n files destroyed.</source>
        <translation>
            <numerusform>Знішчаны %n файл.</numerusform>
            <numerusform>Знішчаны %n файлы.</numerusform>
            <numerusform>Знішчана %n файлаў.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy files HQ does not have?</source>
        <translation>Знішчыць файлы, якіх няма ў штаба?</translation>
    </message>
    <message numerus="yes">
        <source>HQ does NOT have the %n files listed here: they exist only on this computer. If you destroy them, they are lost for good, as evidence too. Destroy them anyway?</source>
        <translation>
            <numerusform>У штаба НЯМА %n файла з гэтага спіса: ён ёсць толькі на гэтым камп&apos;ютары. Калі яго знішчыць, ён будзе страчаны назаўсёды, у тым ліку як доказ. Усё роўна знішчыць?</numerusform>
            <numerusform>У штаба НЯМА %n файлаў з гэтага спіса: яны ёсць толькі на гэтым камп&apos;ютары. Калі іх знішчыць, яны будуць страчаны назаўсёды, у тым ліку як доказы. Усё роўна знішчыць?</numerusform>
            <numerusform>У штаба НЯМА %n файлаў з гэтага спіса: яны ёсць толькі на гэтым камп&apos;ютары. Калі іх знішчыць, яны будуць страчаны назаўсёды, у тым ліку як доказы. Усё роўна знішчыць?</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy anyway</source>
        <translation>Усё роўна знішчыць</translation>
    </message>
    <message numerus="yes">
        <source>%n files that HQ did not have were destroyed.</source>
        <translation>
            <numerusform>Знішчаны %n файл, якога не было ў штаба.</numerusform>
            <numerusform>Знішчаны %n файлы, якіх не было ў штаба.</numerusform>
            <numerusform>Знішчана %n файлаў, якіх не было ў штаба.</numerusform>
        </translation>
    </message>
    <message>
        <source>If this computer might be seized, you can destroy here the attached files of delivered testimonies that HQ holds exact copies of. Files HQ has not received (usually the originals) are kept; only a separate button destroys them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</source>
        <translation>Калі гэты камп&apos;ютар могуць забраць (напрыклад, пры ператрусе), тут можна знішчыць далучаныя файлы перададзеных сведчанняў, дакладныя копіі якіх ёсць у штаба. Файлы, якіх штаб не атрымліваў (звычайна гэта арыгіналы), застаюцца; знішчыць іх можна толькі асобнай кнопкай. Тэкст сведчанняў і запіс пра тое, што было адпраўлена, не закранаюцца. Гэтае дзеянне нельга адмяніць.</translation>
    </message>
    <message>
        <source>Destroy files HQ holds…</source>
        <translation>Знішчыць файлы, якія ёсць у штаба…</translation>
    </message>
    <message>
        <source>Destroy files HQ does not have…</source>
        <translation>Знішчыць файлы, якіх няма ў штаба…</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Знішчыць</translation>
    </message>
    <message>
        <source>When your bundle has arrived, HQ sends you a receipt file. Importing it marks the testimonies HQ received as delivered.</source>
        <translation>Калі ваш пакет дойдзе, штаб дашле вам файл квітанцыі. Пасля імпарту атрыманыя штабам сведчанні адзначаюцца як перададзеныя.</translation>
    </message>
    <message>
        <source>Open receipt file…</source>
        <translation>Адкрыць файл квітанцыі…</translation>
    </message>
    <message>
        <source>Delivered testimonies</source>
        <translation>Перададзеныя сведчанні</translation>
    </message>
    <message>
        <source>Files HQ holds</source>
        <translation>Файлы, якія ёсць у штаба</translation>
    </message>
    <message>
        <source>Files HQ does not have</source>
        <translation>Файлы, якіх няма ў штаба</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
</context>
<context>
    <name>RecorderDialog</name>
    <message>
        <source>Record interview</source>
        <translation>Запіс інтэрв&apos;ю</translation>
    </message>
    <message>
        <source>Recording for “%1”. Closing this window finishes the recording and keeps it with the testimony&apos;s files.</source>
        <translation>Запіс для «%1». Калі вы закрыеце гэтае акно, запіс завершыцца і захаваецца сярод файлаў сведчання.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
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
        <translation>Запіс не дазволены: сведка не даў згоды на аўдыязапіс. Спачатку адзначце пункт «аўдыязапіс» у раздзеле «Згода».</translation>
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
        <source>Waiting for permission to use the microphone…</source>
        <translation>Чаканне дазволу на выкарыстанне мікрафона…</translation>
    </message>
    <message>
        <source>NAM Desktop may not use the microphone, so nothing would be recorded. Allow it in the system settings, then restart NAM Desktop: on macOS in System Settings → Privacy &amp; Security → Microphone; on Windows in Settings → Privacy &amp; security → Microphone (also &quot;Let desktop apps access your microphone&quot;).</source>
        <translation>NAM Desktop не дазволена выкарыстоўваць мікрафон, таму нічога не было б запісана. Дазвольце гэта ў наладах сістэмы і перазапусціце NAM Desktop: у macOS — «Сістэмныя налады» → «Прыватнасць і бяспека» → «Мікрафон»; у Windows — «Параметры» → «Канфідэнцыяльнасць і абарона» → «Мікрафон» (таксама «Дазволіць класічным праграмам доступ да мікрафона»).</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>Не атрымалася ўключыць мікрафон.</translation>
    </message>
    <message>
        <source>The microphone sends only silence. Check that it is connected and not muted, and that NAM Desktop may use it (Windows: Settings → Privacy &amp; security → Microphone; macOS: System Settings → Privacy &amp; Security → Microphone). The recording goes on.</source>
        <translation>З мікрафона ідзе толькі цішыня. Праверце, што ён падключаны і не выключаны і што NAM Desktop дазволена яго выкарыстоўваць (Windows: «Параметры» → «Канфідэнцыяльнасць і абарона» → «Мікрафон»; macOS: «Сістэмныя налады» → «Прыватнасць і бяспека» → «Мікрафон»). Запіс працягваецца.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>This file is not a valid recovery file: it is damaged or not what its name says.</source>
        <translation>Гэта не файл аднаўлення: ён пашкоджаны або не тое, чым названы.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card has not been imported yet. Import it first (HQ menu → Import HQ key card…).</source>
        <translation>Ключавая картка штаба яшчэ не імпартавана. Спачатку імпартуйце яе (меню «Штаб» → «Імпарт ключавой карткі штаба…»).</translation>
    </message>
    <message>
        <source>This vault has no HQ recovery slot. Turn it on first (Settings → Travel and backup).</source>
        <translation>У гэтага сховішча няма слота аднаўлення праз штаб. Спачатку ўключыце яго («Налады» → «Паездка і рэзервовая копія»).</translation>
    </message>
    <message>
        <source>The HQ recovery slot was made for an older key card. Turn it on again so that it is made for the current one.</source>
        <translation>Слот аднаўлення праз штаб створаны для старой ключавой карткі. Уключыце яго нанова, каб ён быў створаны для цяперашняй.</translation>
    </message>
    <message>
        <source>The signature of this file is not correct: it was altered or is not from who it claims. Nothing was changed.</source>
        <translation>Подпіс гэтага файла няправільны: яго змянілі, або ён не ад таго, кім названы. Нічога не зменена.</translation>
    </message>
    <message>
        <source>The request comes from a device that is not registered at this HQ.</source>
        <translation>Запыт прыйшоў з прылады, якая не зарэгістравана ў гэтым штабе.</translation>
    </message>
    <message>
        <source>None of this HQ&apos;s keys opens this request: it was made for another HQ.</source>
        <translation>Ніводзін ключ гэтага штаба не адкрывае запыт: ён створаны для іншага штаба.</translation>
    </message>
    <message>
        <source>This request was answered before. Each request is answered once: ask the interviewer for a new one.</source>
        <translation>На гэты запыт ужо адказалі. На кожны запыт адказваюць адзін раз: папрасіце інтэрв&apos;юера стварыць новы.</translation>
    </message>
    <message>
        <source>This answer is for another request or another device. Use the answer to the newest request made on this computer.</source>
        <translation>Гэты адказ — на іншы запыт або для іншай прылады. Выкарыстайце адказ на апошні запыт, створаны на гэтым камп&apos;ютары.</translation>
    </message>
    <message>
        <source>No recovery request was made on this computer for this vault, or its answer was already used. Make a new request.</source>
        <translation>На гэтым камп&apos;ютары не стваралі запыт на аднаўленне гэтага сховішча, або адказ на яго ўжо выкарыстаны. Стварыце новы запыт.</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was done.</source>
        <translation>Не пацверджана: нічога не зроблена.</translation>
    </message>
    <message>
        <source>Nobody could open this backup: import HQ&apos;s key card, or give the backup a passphrase.</source>
        <translation>Гэтую копію ніхто не змог бы адкрыць: імпартуйце ключавую картку штаба або задайце копіі парольную фразу.</translation>
    </message>
    <message>
        <source>The chosen folder is not there any more. Was the drive removed?</source>
        <translation>Абранай папкі больш няма. Носьбіт вынялі?</translation>
    </message>
    <message>
        <source>The chosen drive is read-only. Choose another place.</source>
        <translation>Абраны носьбіт даступны толькі для чытання. Абярыце іншае месца.</translation>
    </message>
    <message>
        <source>The backup cannot be written inside the vault folder. Choose a second drive.</source>
        <translation>Рэзервовую копію нельга запісаць у папку сховішча. Абярыце іншы носьбіт.</translation>
    </message>
    <message>
        <source>A file of the vault is missing. Run the vault check; nothing was written.</source>
        <translation>Не хапае файла сховішча. Запусціце праверку сховішча; нічога не запісана.</translation>
    </message>
    <message>
        <source>Writing to the drive failed (removed or faulty?). Nothing was left on it.</source>
        <translation>Запіс на носьбіт не ўдаўся (вынялі або ён няспраўны?). На ім нічога не засталося.</translation>
    </message>
    <message>
        <source>The drive gave back other bytes than were written (faulty?). The backup was removed; try another drive.</source>
        <translation>Носьбіт вярнуў не тыя байты, што былі запісаны (няспраўны?). Копія выдалена; паспрабуйце іншы носьбіт.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Скасавана. Нічога не запісана.</translation>
    </message>
    <message>
        <source>This is not a backup of a NAM vault, or it was altered.</source>
        <translation>Гэта не рэзервовая копія сховішча NAM, або яе змянілі.</translation>
    </message>
    <message>
        <source>The backup is damaged. Nothing was restored.</source>
        <translation>Рэзервовая копія пашкоджана. Нічога не адноўлена.</translation>
    </message>
    <message>
        <source>The backup is cut short: is a part missing? Nothing was restored.</source>
        <translation>Рэзервовая копія абрываецца: не хапае часткі? Нічога не адноўлена.</translation>
    </message>
    <message>
        <source>Neither HQ&apos;s key nor the backup passphrase opens this backup.</source>
        <translation>Гэтую копію не адкрывае ні ключ штаба, ні парольная фраза копіі.</translation>
    </message>
    <message>
        <source>The folder is not empty. Choose a new or empty folder.</source>
        <translation>Папка не пустая. Абярыце новую або пустую папку.</translation>
    </message>
    <message>
        <source>The HQ recovery slot file is missing or damaged. Turn it on again.</source>
        <translation>Файл слота аднаўлення праз штаб адсутнічае або пашкоджаны. Уключыце слот нанова.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Writing the bundle… Do not remove the USB stick.</source>
        <translation>Пакет запісваецца… Не вымайце флэшку.</translation>
    </message>
    <message>
        <source>Cancelling… removing what was written.</source>
        <translation>Скасаванне… выдаляецца тое, што ўжо запісана.</translation>
    </message>
    <message>
        <source>The bundle was written, read back and checked.</source>
        <translation>Пакет запісаны, паўторна прачытаны і правераны.</translation>
    </message>
    <message>
        <source>File on the destination:</source>
        <translation>Файл на носьбіце:</translation>
    </message>
    <message>
        <source>Bundle digest (HQ may ask for it):</source>
        <translation>Кантрольная сума пакета (штаб можа яе спытаць):</translation>
    </message>
    <message>
        <source>It is safe to remove the USB stick now.</source>
        <translation>Цяпер флэшку можна бяспечна выняць.</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished files left on this destination by an earlier, interrupted export were removed.</source>
        <translation>
            <numerusform>Выдалены %n незавершаны файл, які застаўся на носьбіце ад ранейшага перапыненага экспарту.</numerusform>
            <numerusform>Выдалены %n незавершаныя файлы, якія засталіся на носьбіце ад ранейшага перапыненага экспарту.</numerusform>
            <numerusform>Выдалена %n незавершаных файлаў, якія засталіся на носьбіце ад ранейшага перапыненага экспарту.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished files of an earlier export could not be removed. They hold only encrypted, incomplete data; delete them when the stick is not in use elsewhere.</source>
        <translation>
            <numerusform>Не ўдалося выдаліць %n незавершаны файл ранейшага экспарту. У ім толькі зашыфраваныя няпоўныя даныя; выдаліце яго, калі флэшка не будзе выкарыстоўвацца ў іншым месцы.</numerusform>
            <numerusform>Не ўдалося выдаліць %n незавершаныя файлы ранейшага экспарту. У іх толькі зашыфраваныя няпоўныя даныя; выдаліце іх, калі флэшка не будзе выкарыстоўвацца ў іншым месцы.</numerusform>
            <numerusform>Не ўдалося выдаліць %n незавершаных файлаў ранейшага экспарту. У іх толькі зашыфраваныя няпоўныя даныя; выдаліце іх, калі флэшка не будзе выкарыстоўвацца ў іншым месцы.</numerusform>
        </translation>
    </message>
    <message>
        <source>This destination also holds a bundle from an earlier, interrupted export (%1). It may be complete: give it to HQ with the new one. HQ accepts or refuses it safely.</source>
        <translation>На гэтым носьбіце ёсць таксама пакет ранейшага перапыненага экспарту (%1). Магчыма, ён поўны: перадайце яго ў штаб разам з новым. Штаб бяспечна прыме або адхіліць яго.</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>Пакет не запісаны.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспарт</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Паўтарыць</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Экспарт: прагрэс</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search all testimonies…</source>
        <translation>Пошук па ўсіх сведчаннях…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
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
        <source>Nothing found.</source>
        <translation>Нічога не знойдзена.</translation>
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
        <translation>Калі вы далучаеце фота або дакумент, праграма выдаляе з яго схаваныя звесткі (месца здымкі, серыйны нумар камеры, імёны аўтараў) і захоўвае ачышчаную копію. Арыгінал можа дапамагчы даказаць сапраўднасць файла, але ў ім застаюцца гэтыя схаваныя звесткі (у зашыфраваным выглядзе ў сховішчы). Калі прыладу могуць забраць (напрыклад, пры ператрусе), бяспечней арыгіналы не захоўваць. Выбар дзейнічае для файлаў, дададзеных з гэтага моманту.</translation>
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
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>Парольная фраза зменена. Цяпер выкарыстоўвайце новую.</translation>
    </message>
    <message>
        <source>Travel and backup</source>
        <translation>Паездка і рэзервовая копія</translation>
    </message>
</context>
<context>
    <name>ShowToggle</name>
    <message>
        <source>Show passphrase</source>
        <translation>Паказаць парольную фразу</translation>
    </message>
    <message>
        <source>Show what you type, to check it; make sure nobody is looking at the screen.</source>
        <translation>Паказаць набранае, каб праверыць; пераканайцеся, што ніхто не глядзіць на экран.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>macOS started NAM Desktop from a temporary read-only copy (App Translocation). From there it cannot find its portable folder and would keep your data on this Mac, so it does not start.

Move NAM Desktop to the Applications folder and start it from there. For portable use from a USB stick, remove the download mark once: open Terminal and run

xattr -dr com.apple.quarantine &quot;/Volumes/STICK/NAM Desktop.app&quot;

(with the name of your stick), then start NAM Desktop again.</source>
        <translation>macOS запусціла NAM Desktop з часовай копіі толькі для чытання (App Translocation). Адтуль праграма не бачыць сваю пераносную папку і захоўвала б вашы даныя на гэтым Mac, таму яна не запускаецца.

Перанясіце NAM Desktop у папку «Праграмы» і запускайце адтуль. Для пераноснага рэжыму з флэшкі адзін раз зніміце адзнаку аб спампоўцы: адкрыйце «Тэрмінал» і выканайце

xattr -dr com.apple.quarantine &quot;/Volumes/STICK/NAM Desktop.app&quot;

(з назвай вашай флэшкі), потым зноў запусціце NAM Desktop.</translation>
    </message>
    <message>
        <source>NAM Desktop met an unexpected error. What you saved before is safe in the vault; anything typed since the last automatic save may be lost.</source>
        <translation>У NAM Desktop адбылася нечаканая памылка. Захаванае раней у сховішчы не пацярпела; набранае пасля апошняга аўтазахавання можа быць страчана.</translation>
    </message>
    <message>
        <source>A short note about the error, without any testimony content, was saved as:</source>
        <translation>Кароткая нататка пра памылку (без змесціва сведчанняў) захавана ў файле:</translation>
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
        <translation>Толькі структураваныя звесткі: віды парушэнняў, даты, згода. Ніякага свабоднага тэксту.</translation>
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
        <source>An attached file failed its integrity check in the vault; the summary says so. Run a vault check.</source>
        <translation>Далучаны файл не прайшоў праверку цэласнасці ў сховішчы; гэта пазначана ў зводцы. Выканайце праверку сховішча.</translation>
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
        <translation>Публічная: толькі структураваныя звесткі</translation>
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
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>Redaction level:</source>
        <translation>Узровень схавання даных:</translation>
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
        <source>The summary was saved, signed inside the PDF.

Verification code: %1</source>
        <translation>Зводка захавана, подпіс знаходзіцца ўнутры PDF.

Код праверкі: %1</translation>
    </message>
    <message>
        <source>The signature uses this device&apos;s own certificate: not yet certified by HQ. HQ certifies the device after it receives a bundle from it; the next key card from HQ brings the certificate.</source>
        <translation>Подпіс зроблены ўласным сертыфікатам прылады: яшчэ не сертыфікавана штабам. Штаб сертыфікуе прыладу, калі атрымае ад яе пакет; сертыфікат прыйдзе з наступнай ключавой карткай штаба.</translation>
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
    <message>
        <source>Discard changes…</source>
        <translation>Адмяніць змены…</translation>
    </message>
    <message>
        <source>Bring back the last final revision and forget the changes made since</source>
        <translation>Вярнуць апошнюю завершаную рэдакцыю і забыць змены, зробленыя пасля яе</translation>
    </message>
    <message>
        <source>No testimony is open. Choose one in the list, or create one with “New testimony”.</source>
        <translation>Сведчанне не адкрыта. Выберыце яго ў спісе або стварыце кнопкай «Новае сведчанне».</translation>
    </message>
    <message>
        <source>Revision %1 was delivered to HQ and stays as it is.</source>
        <translation>Рэдакцыя %1 перададзена ў штаб і застаецца нязменнай.</translation>
    </message>
    <message>
        <source>Revision %1 is final and stays as it is.</source>
        <translation>Рэдакцыя %1 завершана і застаецца нязменнай.</translation>
    </message>
    <message>
        <source>Changing anything starts the draft of revision %1; you are asked first.</source>
        <translation>Любая змена пачынае чарнавік рэдакцыі %1; спачатку праграма спытае вас.</translation>
    </message>
    <message>
        <source>This is the draft of revision %1. Revision %2 was delivered to HQ and stays as it is.</source>
        <translation>Гэта чарнавік рэдакцыі %1. Рэдакцыя %2 перададзена ў штаб і застаецца нязменнай.</translation>
    </message>
    <message>
        <source>This is the draft of revision %1. Revision %2 is final and stays as it is.</source>
        <translation>Гэта чарнавік рэдакцыі %1. Рэдакцыя %2 завершана і застаецца нязменнай.</translation>
    </message>
    <message>
        <source>Revision %1 is already final: change something to start the next revision.</source>
        <translation>Рэдакцыя %1 ужо завершана: змяніце што-небудзь, каб пачаць наступную рэдакцыю.</translation>
    </message>
    <message>
        <source>Revision %1 was delivered to HQ. Change it? Your changes become the draft of revision %2; revision %1 stays as it is, and HQ keeps what it received. You can discard the changes later.</source>
        <translation>Рэдакцыя %1 перададзена ў штаб. Змяніць яе? Вашы змены стануць чарнавіком рэдакцыі %2; рэдакцыя %1 застанецца нязменнай, і ў штаба застанецца тое, што ён атрымаў. Пазней змены можна адмяніць.</translation>
    </message>
    <message>
        <source>Revision %1 is final. Change it? Your changes become the draft of revision %2; revision %1 stays as it is. You can discard the changes later.</source>
        <translation>Рэдакцыя %1 завершана. Змяніць яе? Вашы змены стануць чарнавіком рэдакцыі %2; рэдакцыя %1 застанецца нязменнай. Пазней змены можна адмяніць.</translation>
    </message>
    <message>
        <source>Start a new revision?</source>
        <translation>Пачаць новую рэдакцыю?</translation>
    </message>
    <message>
        <source>Start revision %1</source>
        <translation>Пачаць рэдакцыю %1</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Адмяніць змены</translation>
    </message>
    <message>
        <source>Forget every change made since revision %1 and bring it back as it was? Attached files stay. This cannot be undone.</source>
        <translation>Забыць усе змены, зробленыя пасля рэдакцыі %1, і вярнуць яе ў ранейшым выглядзе? Далучаныя файлы застануцца. Гэтае дзеянне нельга адмяніць.</translation>
    </message>
    <message numerus="yes">
        <source>a violation type for %n acts (choose it in Acts, or remove the acts)</source>
        <translation>
            <numerusform>від парушэння для %n эпізоду (выберыце яго ў раздзеле «Эпізоды» або выдаліце эпізод)</numerusform>
            <numerusform>від парушэння для %n эпізодаў (выберыце яго ў раздзеле «Эпізоды» або выдаліце эпізоды)</numerusform>
            <numerusform>від парушэння для %n эпізодаў (выберыце яго ў раздзеле «Эпізоды» або выдаліце эпізоды)</numerusform>
        </translation>
    </message>
    <message>
        <source>Revision %1 is already final.</source>
        <translation>Рэдакцыя %1 ужо завершана.</translation>
    </message>
    <message>
        <source>Open a testimony first: the recording is kept with it.</source>
        <translation>Спачатку адкрыйце сведчанне: запіс захоўваецца разам з ім.</translation>
    </message>
    <message>
        <source>Consent was withdrawn: nothing may be recorded until it is renewed.</source>
        <translation>Згода адклікана: запісваць нельга, пакуль яна не будзе адноўлена.</translation>
    </message>
    <message>
        <source>The witness has not agreed to audio recording: tick “audio recording” in the Consent section first.</source>
        <translation>Сведка не даваў згоды на аўдыязапіс: спачатку адзначце пункт «аўдыязапіс» у раздзеле «Згода».</translation>
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
    <message>
        <source>Exported, awaiting receipt</source>
        <translation>Адпраўлена, чакае квітанцыі</translation>
    </message>
    <message>
        <source>Final (rev. %1)</source>
        <extracomment>A status with the revision it is about (&quot;Delivered (rev. 2)&quot;); a draft made from a final or delivered revision keeps saying so (&quot;Draft · delivered (rev. 2)&quot;).</extracomment>
        <translation>Завершана (рэд. %1)</translation>
    </message>
    <message>
        <source>Delivered (rev. %1)</source>
        <translation>Перададзена (рэд. %1)</translation>
    </message>
    <message>
        <source>Draft · final (rev. %1)</source>
        <translation>Чарнавік · завершана (рэд. %1)</translation>
    </message>
    <message>
        <source>Draft · delivered (rev. %1)</source>
        <translation>Чарнавік · перададзена (рэд. %1)</translation>
    </message>
</context>
<context>
    <name>TextSection</name>
    <message>
        <source>Reliability:</source>
        <translation>Надзейнасць:</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Далейшыя крокі:</translation>
    </message>
    <message>
        <source>Referrals:</source>
        <translation>Перанакіраванне (да спецыялістаў):</translation>
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
    <name>TravelDialog</name>
    <message>
        <source>TRAVEL</source>
        <translation>ПАЕЗДКА</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>Падрыхтоўка да паездкі</translation>
    </message>
    <message>
        <source>Travel mode destroys the passphrase keys of this vault on this computer. After it, no passphrase opens the vault here, not even yours: you cannot be forced to open it. Everything in it stays encrypted and untouched.

To open it again, start the app: it offers to make a recovery request. Give the request file to HQ by any channel and read HQ the request code through another channel (in person or by phone). HQ&apos;s answer opens the vault with a new passphrase.

Whoever gets HQ to answer can open the vault: HQ answers only when it is sure the request is yours. The app closes when travel mode is ready.</source>
        <translation>Рэжым паездкі знішчае ключы парольнай фразы гэтага сховішча на гэтым камп&apos;ютары. Пасля гэтага тут сховішча не адкрые ніякая парольная фраза, нават ваша: вас немагчыма прымусіць яго адкрыць. Усё змесціва застаецца зашыфраваным і некранутым.

Каб зноў адкрыць сховішча, запусціце праграму: яна прапануе стварыць запыт на аднаўленне. Перадайце файл запыту штабу любым спосабам і прадыктуйце штабу код запыту па іншым канале (асабіста або па тэлефоне). Адказ штаба адкрые сховішча з новай парольнай фразай.

Той, хто атрымае адказ штаба, зможа адкрыць сховішча: штаб адказвае, толькі калі ўпэўнены, што запыт ваш. Калі рэжым паездкі будзе ўключаны, праграма закрыецца.</translation>
    </message>
    <message>
        <source>Travel without the vault</source>
        <translation>Паехаць без сховішча</translation>
    </message>
    <message>
        <source>The vault is first written as an encrypted backup to a second drive and read back; then it is removed from this computer (its keys first, then its files). Carry or send the drive separately.</source>
        <translation>Спачатку сховішча запісваецца зашыфраванай рэзервовай копіяй на другі носьбіт і правяраецца чытаннем; потым яно выдаляецца з гэтага камп&apos;ютара (спачатку ключы, потым файлы). Вязіце або перадайце носьбіт асобна.</translation>
    </message>
    <message>
        <source>To confirm, type %1:</source>
        <translation>Для пацвярджэння ўвядзіце %1:</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Слова пацвярджэння</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
</context>
<context>
    <name>TravelSettingsTab</name>
    <message>
        <source>HQ recovery slot</source>
        <translation>Аднаўленне праз штаб</translation>
    </message>
    <message>
        <source>The HQ recovery slot locks a copy of this vault&apos;s key with HQ&apos;s key (from the key card). With it, HQ can open this vault if it gets its files, and can give you access back when you forget the passphrase or after travel mode. Without it, nobody can. It is made again for each new key card.</source>
        <translation>Слот аднаўлення праз штаб замыкае копію ключа гэтага сховішча ключом штаба (з ключавой карткі). З ім штаб зможа адкрыць гэтае сховішча, калі атрымае яго файлы, і зможа вярнуць вам доступ, калі вы забудзеце парольную фразу або пасля рэжыму паездкі. Без яго гэтага не зможа ніхто. Слот ствараецца нанова для кожнай новай ключавой карткі.</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Паездка</translation>
    </message>
    <message>
        <source>Before crossing a border: make the vault impossible to open on this computer, even for you, until HQ gives access back.</source>
        <translation>Перад перасячэннем мяжы: зрабіць так, каб сховішча немагчыма было адкрыць на гэтым камп&apos;ютары, нават вам, пакуль штаб не верне доступ.</translation>
    </message>
    <message>
        <source>Prepare for travel…</source>
        <translation>Падрыхтавацца да паездкі…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Рэзервовая копія</translation>
    </message>
    <message>
        <source>An encrypted copy of the whole vault on another drive, which HQ (and, if you choose, a backup passphrase) can open.</source>
        <translation>Зашыфраваная копія ўсяго сховішча на іншым носьбіце; яе можа адкрыць штаб (і, калі вы вырашыце, парольная фраза копіі).</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Стварыць рэзервовую копію…</translation>
    </message>
    <message>
        <source>Panic lock</source>
        <translation>Экстранная блакіроўка</translation>
    </message>
    <message>
        <source>%1 or the Hide button locks the vault at once, from anywhere in the app, and empties the clipboard if it holds something copied here. Nothing is deleted.</source>
        <translation>%1 або кнопка «Схаваць» адразу блакуе сховішча з любога месца праграмы і ачышчае буфер абмену, калі ў ім тое, што скапіявана тут. Нічога не выдаляецца.</translation>
    </message>
    <message>
        <source>Then minimise the window and give it a neutral title</source>
        <translation>Потым згарнуць акно і даць яму нейтральны загаловак</translation>
    </message>
    <message>
        <source>Off: nobody but you can open this vault.</source>
        <translation>Выключана: ніхто, акрамя вас, не можа адкрыць гэтае сховішча.</translation>
    </message>
    <message>
        <source>On, for HQ&apos;s current key card.</source>
        <translation>Уключана, для цяперашняй ключавой карткі штаба.</translation>
    </message>
    <message>
        <source>On, but not for HQ&apos;s current key card, or its file is damaged: turn it on again.</source>
        <translation>Уключана, але не для цяперашняй ключавой карткі штаба, або яго файл пашкоджаны: уключыце нанова.</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>Выключыць…</translation>
    </message>
    <message>
        <source>Turn on…</source>
        <translation>Уключыць…</translation>
    </message>
    <message>
        <source>Turn off the HQ recovery slot? HQ will no longer be able to give you access back, and travel mode will not be possible.</source>
        <translation>Выключыць аднаўленне праз штаб? Штаб больш не зможа вярнуць вам доступ, і рэжым паездкі стане немагчымы.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Выключыць</translation>
    </message>
    <message>
        <source>Turn on the HQ recovery slot?</source>
        <translation>Уключыць аднаўленне праз штаб?</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Уключыць</translation>
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
    <name>UwaziMessages</name>
    <message>
        <source>The mapping names a template the snapshot does not have</source>
        <translation>У супастаўленні названы шаблон, якога няма ў здымку</translation>
    </message>
    <message>
        <source>No property of the template has this name</source>
        <translation>У шаблоне няма ўласцівасці з такой назвай</translation>
    </message>
    <message>
        <source>Uwazi would read this column under another name</source>
        <translation>Uwazi прачытае гэты слупок пад іншай назвай</translation>
    </message>
    <message>
        <source>The column appears twice</source>
        <translation>Слупок сустракаецца двойчы</translation>
    </message>
    <message>
        <source>The property&apos;s type cannot hold this NAM field</source>
        <translation>Тып уласцівасці не падыходзіць для гэтага поля NAM</translation>
    </message>
    <message>
        <source>Language columns and a plain column for the same property</source>
        <translation>Моўныя слупкі і звычайны слупок для адной уласцівасці</translation>
    </message>
    <message>
        <source>This property type takes no language columns</source>
        <translation>Для гэтага тыпу ўласцівасці моўныя слупкі не дапускаюцца</translation>
    </message>
    <message>
        <source>Language columns without the collection&apos;s default language</source>
        <translation>Моўныя слупкі без асноўнай мовы калекцыі</translation>
    </message>
    <message>
        <source>The language is not installed in the Uwazi collection</source>
        <translation>Гэтая мова не ўсталявана ў калекцыі Uwazi</translation>
    </message>
    <message>
        <source>A required property would stay empty</source>
        <translation>Абавязковая ўласцівасць засталася б пустой</translation>
    </message>
    <message>
        <source>The title is missing</source>
        <translation>Няма загалоўка</translation>
    </message>
    <message>
        <source>The value is not in the thesaurus (Uwazi would add it silently)</source>
        <translation>Значэння няма ў тэзаўрусе (Uwazi моўчкі дадаў бы яго)</translation>
    </message>
    <message>
        <source>A thesaurus group used as a value (Uwazi refuses the row)</source>
        <translation>Група тэзаўруса выкарыстана як значэнне (Uwazi адхіліць радок)</translation>
    </message>
    <message>
        <source>More than one &quot;::&quot; in a thesaurus value</source>
        <translation>Больш за адно «::» у значэнні тэзаўруса</translation>
    </message>
    <message>
        <source>&quot;|&quot; or &quot;::&quot; inside one value: Uwazi would split it</source>
        <translation>«|» або «::» унутры аднаго значэння: Uwazi падзяліў бы яго</translation>
    </message>
    <message>
        <source>Uwazi would read this date differently</source>
        <translation>Uwazi прачытаў бы гэтую дату інакш</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Не лік</translation>
    </message>
    <message>
        <source>A position must be latitude|longitude</source>
        <translation>Каардынаты павінны быць у выглядзе шырата|даўгата</translation>
    </message>
    <message>
        <source>Latitude or longitude out of range</source>
        <translation>Шырата або даўгата па-за дапушчальнымі межамі</translation>
    </message>
    <message>
        <source>A file named in the row is not in the package</source>
        <translation>Файла, названага ў радку, няма ў пакеце</translation>
    </message>
    <message>
        <source>Two files would have the same name</source>
        <translation>У двух файлаў была б аднолькавая назва</translation>
    </message>
    <message>
        <source>A file name that is not plain ASCII</source>
        <translation>Назва файла не з простых сімвалаў ASCII</translation>
    </message>
    <message>
        <source>A related act is not in the act package (Uwazi would create an empty one)</source>
        <translation>Звязанага эпізоду няма ў пакеце эпізодаў (Uwazi стварыў бы пусты)</translation>
    </message>
    <message>
        <source>Two acts have the same title</source>
        <translation>У двух эпізодаў аднолькавы загаловак</translation>
    </message>
    <message>
        <source>import.csv would not read back as written</source>
        <translation>import.csv не чытаецца так, як быў запісаны</translation>
    </message>
    <message>
        <source>The row and its files exceed one Uwazi upload (50 MB)</source>
        <translation>Радок з яго файламі перавышае адну загрузку ў Uwazi (50 МБ)</translation>
    </message>
    <message>
        <source>never finalised</source>
        <translation>не завершана</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>згода адклікана</translation>
    </message>
    <message>
        <source>no consent to documentation</source>
        <translation>няма згоды на дакументаванне</translation>
    </message>
    <message>
        <source>no consent to anonymous publication</source>
        <translation>няма згоды на ананімную публікацыю</translation>
    </message>
    <message>
        <source>the witness&apos;s name or contacts appear in the text</source>
        <translation>у тэксце сустракаюцца імя або кантакты сведкі</translation>
    </message>
    <message>
        <source>file without a cleaned version</source>
        <translation>файл без ачышчанай копіі</translation>
    </message>
    <message>
        <source>interview recording (not sent to Uwazi)</source>
        <translation>запіс інтэрв&apos;ю (у Uwazi не перадаецца)</translation>
    </message>
    <message>
        <source>files too large for one Uwazi upload</source>
        <translation>файлы занадта вялікія для адной загрузкі ў Uwazi</translation>
    </message>
    <message>
        <source>The snapshot folder must hold templates.json, dictionaries.json and settings.json exactly as the Uwazi API returned them.</source>
        <translation>У папцы здымка павінны быць templates.json, dictionaries.json і settings.json дакладна такімі, якімі іх вярнуў API Uwazi.</translation>
    </message>
    <message>
        <source>Choose the snapshot folder: none is stored yet.</source>
        <translation>Абярыце папку здымка: захаванага здымка яшчэ няма.</translation>
    </message>
    <message>
        <source>The mapping file is not valid (see docs/uwazi.md).</source>
        <translation>Файл супастаўлення няправільны (гл. docs/uwazi.md).</translation>
    </message>
    <message>
        <source>The packages would not import as meant. Nothing was written.</source>
        <translation>Пакеты імпартаваліся б не так, як задумана. Нічога не запісана.</translation>
    </message>
    <message>
        <source>The output folder cannot be used.</source>
        <translation>Гэтую папку нельга выкарыстаць.</translation>
    </message>
    <message>
        <source>The output folder could not be written (full or removed?). Nothing was kept.</source>
        <translation>Не ўдалося запісаць у папку (дыск запоўнены або выняты?). Нічога не захавана.</translation>
    </message>
    <message>
        <source>A record or file in the vault does not match its recorded hash. Run a vault check.</source>
        <translation>Запіс або файл у сховішчы не супадае са сваім хэшам. Праверце сховішча.</translation>
    </message>
    <message>
        <source>That export is not known.</source>
        <translation>Такі экспарт невядомы.</translation>
    </message>
    <message>
        <source>This needs an HQ vault.</source>
        <translation>Для гэтага патрэбна сховішча штаба.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was kept.</source>
        <translation>Скасавана. Нічога не захавана.</translation>
    </message>
    <message>
        <source>first snapshot</source>
        <translation>першы здымак</translation>
    </message>
    <message>
        <source>template added</source>
        <translation>шаблон дададзены</translation>
    </message>
    <message>
        <source>template removed</source>
        <translation>шаблон выдалены</translation>
    </message>
    <message>
        <source>property added</source>
        <translation>уласцівасць дададзена</translation>
    </message>
    <message>
        <source>property removed</source>
        <translation>уласцівасць выдалена</translation>
    </message>
    <message>
        <source>property renamed</source>
        <translation>уласцівасць перайменавана</translation>
    </message>
    <message>
        <source>property type changed</source>
        <translation>тып уласцівасці зменены</translation>
    </message>
    <message>
        <source>property points elsewhere</source>
        <translation>уласцівасць спасылаецца на іншае</translation>
    </message>
    <message>
        <source>thesaurus added</source>
        <translation>тэзаўрус дададзены</translation>
    </message>
    <message>
        <source>thesaurus removed</source>
        <translation>тэзаўрус выдалены</translation>
    </message>
    <message>
        <source>value added</source>
        <translation>значэнне дададзена</translation>
    </message>
    <message>
        <source>value removed</source>
        <translation>значэнне выдалена</translation>
    </message>
    <message>
        <source>language added</source>
        <translation>мова дададзена</translation>
    </message>
    <message>
        <source>language removed</source>
        <translation>мова выдалена</translation>
    </message>
    <message>
        <source>default language changed</source>
        <translation>асноўная мова зменена</translation>
    </message>
    <message>
        <source>date format changed</source>
        <translation>фармат даты зменены</translation>
    </message>
    <message>
        <source>property naming changed</source>
        <translation>найменне ўласцівасцей зменена</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Эпізоды</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Сведчанні</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <source>NAM Desktop</source>
        <translation>NAM Desktop</translation>
    </message>
    <message>
        <source>This vault is waiting for access from HQ</source>
        <translation>Гэтае сховішча чакае доступу ад штаба</translation>
    </message>
    <message>
        <source>No passphrase opens it on this computer. To open it again:
1. Make a recovery request and give the file to HQ, by any channel.
2. Read HQ the request code through another channel: in person, or in a call.
3. Open HQ&apos;s answer here and choose a new passphrase.</source>
        <translation>На гэтым камп&apos;ютары яго не адкрывае ніякая парольная фраза. Каб адкрыць яго зноў:
1. Стварыце запыт на аднаўленне і перадайце файл штабу любым спосабам.
2. Прадыктуйце штабу код запыту па іншым канале: асабіста або па тэлефоне.
3. Адкрыйце тут адказ штаба і абярыце новую парольную фразу.</translation>
    </message>
    <message>
        <source>Make a recovery request…</source>
        <translation>Стварыць запыт на аднаўленне…</translation>
    </message>
    <message>
        <source>Open HQ&apos;s answer…</source>
        <translation>Адкрыць адказ штаба…</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>Адкрыць сховішча</translation>
    </message>
    <message>
        <source>Open another vault…</source>
        <translation>Адкрыць іншае сховішча…</translation>
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
        <source>Where to save the recovery request</source>
        <translation>Куды захаваць запыт на аднаўленне</translation>
    </message>
    <message>
        <source>The request was saved as %1. Give it to HQ, then read them this request code through another channel. Only the newest request can be answered.</source>
        <translation>Запыт захаваны як %1. Перадайце яго штабу, потым прадыктуйце гэты код запыту па іншым канале. Адказаць можна толькі на апошні запыт.</translation>
    </message>
    <message>
        <source>HQ&apos;s answer</source>
        <translation>Адказ штаба</translation>
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
