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
        <translation>Исполнители:</translation>
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
        <translation>Добавить исполнителя</translation>
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
        <translation>Исполнители</translation>
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
        <source>Choose the violation type of this act first: the rest of the form opens once it is chosen.</source>
        <translation>Сначала выберите вид нарушения для этого эпизода: остальные поля откроются после выбора.</translation>
    </message>
    <message>
        <source>(no type yet)</source>
        <translation>(вид ещё не выбран)</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Some unfinished files in the vault folder are held by another program (an antivirus?); they hold nothing readable and are removed next time.</source>
        <translation>Некоторые незавершённые файлы в папке хранилища заняты другой программой (антивирусом?). В них нет ничего читаемого; они будут удалены в следующий раз.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Changes that could not be saved before the app locked are kept, encrypted, only until you unlock their vault. If you quit now, they are lost. Quit anyway?</source>
        <translation>Изменения, которые не удалось сохранить перед блокировкой программы, хранятся в зашифрованном виде только до разблокировки их хранилища. Если выйти сейчас, они будут потеряны. Всё равно выйти?</translation>
    </message>
    <message>
        <source>Your last changes could not be saved: %1
If you quit now, they are lost. Quit anyway?</source>
        <translation>Последние изменения не удалось сохранить: %1
Если выйти сейчас, они будут потеряны. Всё равно выйти?</translation>
    </message>
    <message>
        <source>Quit and lose the changes</source>
        <translation>Выйти и потерять изменения</translation>
    </message>
    <message>
        <source>Your last changes could not be saved before the app locked:</source>
        <translation>Последние изменения не удалось сохранить перед блокировкой программы:</translation>
    </message>
    <message>
        <source>They are kept, encrypted, until you unlock the vault, and saved then. Do not quit the app before that.</source>
        <translation>Они хранятся в зашифрованном виде до разблокировки хранилища и тогда будут сохранены. Не выходите из программы до этого.</translation>
    </message>
    <message>
        <source>The changes kept since locking were put back and saved.</source>
        <translation>Изменения, отложенные при блокировке, возвращены в редактор и сохранены.</translation>
    </message>
    <message>
        <source>Changes not saved yet</source>
        <translation>Изменения ещё не сохранены</translation>
    </message>
    <message>
        <source>The changes kept since locking are back in the editor, but they still cannot be saved: %1</source>
        <translation>Изменения, отложенные при блокировке, возвращены в редактор, но их по-прежнему не удаётся сохранить: %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>Подготовка к поездке</translation>
    </message>
    <message>
        <source>The vault was removed from this computer; its backup is on the drive you chose. The app closes now.</source>
        <translation>Хранилище удалено с этого компьютера; его резервная копия — на выбранном вами носителе. Программа сейчас закроется.</translation>
    </message>
    <message>
        <source>Travel mode is ready: no passphrase opens this vault on this computer now. To get it back, start the app and make a recovery request for HQ. The app closes now.</source>
        <translation>Режим поездки включён: теперь никакая парольная фраза не откроет это хранилище на этом компьютере. Чтобы вернуть доступ, запустите программу и создайте запрос на восстановление для штаба. Программа сейчас закроется.</translation>
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
        <source>The item-by-item report stayed on the interviewer&apos;s device.</source>
        <translation>Подробный отчёт о метаданных остался на устройстве интервьюера.</translation>
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
    <message>
        <source>Record interview…</source>
        <translation>Записать интервью…</translation>
    </message>
    <message>
        <source>Hide technical details</source>
        <translation>Скрыть технические подробности</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>Показать технические подробности</translation>
    </message>
    <message>
        <source>Metadata report in plain words</source>
        <translation>Отчёт о метаданных простыми словами</translation>
    </message>
    <message>
        <source>This file was kept on the interviewer&apos;s device, not sent: only its name, hashes and the result of the check came with the testimony.</source>
        <translation>Этот файл остался на устройстве интервьюера и не был отправлен: вместе со свидетельством пришли только его имя, хеши и результат проверки.</translation>
    </message>
    <message>
        <source>This file&apos;s content was destroyed on this computer after HQ confirmed receiving it; its name and hashes stay as a record.</source>
        <translation>Содержимое этого файла уничтожено на этом компьютере после того, как штаб подтвердил его получение; имя и хеши файла сохраняются для учёта.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the vault</source>
        <translation>Резервная копия хранилища</translation>
    </message>
    <message>
        <source>The whole vault (testimonies, files, the audit log and the keys that open it) is written as one encrypted file to another drive, then read back to check it. Keep the drive apart from this computer.</source>
        <translation>Всё хранилище (свидетельства, файлы, журнал аудита и ключи, которые его открывают) записывается одним зашифрованным файлом на другой носитель и затем считывается обратно для проверки. Держите этот носитель отдельно от компьютера.</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The backup was written and read back: %1 on %2.</source>
        <translation>Резервная копия записана и проверена чтением: %1 на %2.</translation>
    </message>
    <message numerus="yes">
        <source>It holds %n files of the vault.</source>
        <translation>
            <numerusform>В ней %n файл хранилища.</numerusform>
            <numerusform>В ней %n файла хранилища.</numerusform>
            <numerusform>В ней %n файлов хранилища.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep %1 with it: the backup passphrase opens it.</source>
        <translation>Храните вместе с ней файл %1: его открывает парольная фраза копии.</translation>
    </message>
</context>
<context>
    <name>BackupTargetBox</name>
    <message>
        <source>Choose the drive…</source>
        <translation>Выбрать носитель…</translation>
    </message>
    <message>
        <source>Also protect the backup with its own passphrase</source>
        <translation>Дополнительно защитить копию собственной парольной фразой</translation>
    </message>
    <message>
        <source>HQ&apos;s key always opens the backup. With its own passphrase you can also restore it yourself; without one, only HQ can. The vault inside still needs its own passphrase.</source>
        <translation>Ключ штаба всегда открывает копию. С собственной парольной фразой копию сможете восстановить и вы сами; без неё — только штаб. Хранилищу внутри копии по-прежнему нужна его парольная фраза.</translation>
    </message>
    <message>
        <source>Backup passphrase:</source>
        <translation>Парольная фраза копии:</translation>
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
        <source>No drive chosen yet.</source>
        <translation>Носитель ещё не выбран.</translation>
    </message>
    <message>
        <source>Where to write the backup</source>
        <translation>Куда записать резервную копию</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Problem:</source>
        <translation>Проблема:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>Everything is ready. Press Export to write the bundle.</source>
        <translation>Всё готово. Нажмите «Экспорт», чтобы записать пакет.</translation>
    </message>
    <message>
        <source>The bundle cannot be written until the problems above are solved. Go back to change your choice, or solve them and press &quot;Check again&quot;.</source>
        <translation>Пакет нельзя записать, пока не решены проблемы выше. Вернитесь назад, чтобы изменить выбор, или решите их и нажмите «Проверить снова».</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Найденные проблемы</translation>
    </message>
    <message numerus="yes">
        <source>%n testimonies chosen.</source>
        <translation>
            <numerusform>Выбрано %n свидетельство.</numerusform>
            <numerusform>Выбрано %n свидетельства.</numerusform>
            <numerusform>Выбрано %n свидетельств.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of them can be sent; the problems below say why not the others.</source>
        <translation>Отправить можно %1 из них; ниже сказано, почему нельзя отправить остальные.</translation>
    </message>
    <message>
        <source>Size: about %1. Free on the destination: %2.</source>
        <translation>Размер: около %1. Свободно на носителе: %2.</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>no consent to send</source>
        <translation>нет согласия на отправку</translation>
    </message>
    <message>
        <source>This vault does not keep original files (Settings → Files), so only the cleaned copies can be sent.</source>
        <translation>В этом хранилище не сохраняются оригиналы файлов (Настройки → Файлы), поэтому можно отправить только очищенные копии.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card asks for cleaned copies only.</source>
        <translation>Ключевая карта штаба разрешает только очищенные копии.</translation>
    </message>
    <message>
        <source>By default only the cleaned copies are sent: hidden information such as location, camera serial number or author names has been removed from them. Originals still contain it. Send them only if HQ needs them to show that a file is authentic.</source>
        <translation>По умолчанию отправляются только очищенные копии: из них удалены скрытые сведения — место съёмки, серийный номер камеры, имена авторов. В оригиналах они остались. Отправляйте оригиналы, только если они нужны штабу, чтобы доказать подлинность файла.</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>Что отправить</translation>
    </message>
    <message>
        <source>Final testimonies not yet delivered to HQ are chosen. Drafts and testimonies without consent cannot be sent.</source>
        <translation>Выбраны завершённые свидетельства, ещё не переданные штабу. Черновики и свидетельства без согласия отправить нельзя.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Дата интервью</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Testimonies to send</source>
        <translation>Свидетельства к отправке</translation>
    </message>
    <message>
        <source>Include the original files</source>
        <translation>Добавить оригиналы файлов</translation>
    </message>
    <message>
        <source>Include the witnesses&apos; identity</source>
        <translation>Добавить личные данные свидетелей</translation>
    </message>
    <message>
        <source>Name, birth date, contacts and documents stay on this computer unless you tick this. Send them only when HQ asked for them and the witness agreed.</source>
        <translation>Имя, дата рождения, контакты и документы остаются на этом компьютере, если не отметить этот пункт. Отправляйте их, только если штаб их запросил и свидетель согласен.</translation>
    </message>
    <message>
        <source>Testimonies chosen: %1 of %2.</source>
        <translation>Выбрано свидетельств: %1 из %2.</translation>
    </message>
    <message>
        <source>Nothing is chosen: tick at least one testimony to go on.</source>
        <translation>Ничего не выбрано: отметьте хотя бы одно свидетельство, чтобы продолжить.</translation>
    </message>
</context>
<context>
    <name>CleanAgainAction</name>
    <message>
        <source>Remove the comments and notes, then clean again…</source>
        <translation>Удалить комментарии и заметки и очистить снова…</translation>
    </message>
    <message>
        <source>“%1” could not be cleaned because of what people wrote in it. The cleaned copy will be made without:</source>
        <translation>Файл «%1» не удалось очистить из-за того, что люди написали в нём. Из очищенной копии будут удалены:</translation>
    </message>
    <message>
        <source>The original is no longer in the vault: you will be asked for the file again. It must be the very same file (its SHA-256 is checked).</source>
        <translation>Оригинала больше нет в хранилище: вас попросят выбрать файл ещё раз. Это должен быть тот же самый файл (его SHA-256 проверяется).</translation>
    </message>
    <message>
        <source>The original stays in the vault unchanged, with its hash.</source>
        <translation>Оригинал остаётся в хранилище без изменений, вместе со своим хешем.</translation>
    </message>
    <message>
        <source>This vault does not keep originals: once the cleaned copy is verified, the original is destroyed on this computer; its hash stays as the record.</source>
        <translation>В этом хранилище оригиналы не остаются: как только очищенная копия проверена, оригинал уничтожается на этом компьютере; его хеш остаётся как запись.</translation>
    </message>
    <message>
        <source>Remove comments and notes</source>
        <translation>Удаление комментариев и заметок</translation>
    </message>
    <message>
        <source>Remove and clean again</source>
        <translation>Удалить и очистить снова</translation>
    </message>
    <message>
        <source>Choose the original of “%1” again</source>
        <translation>Выберите оригинал файла «%1» ещё раз</translation>
    </message>
    <message>
        <source>Could not clean the file again</source>
        <translation>Не удалось очистить файл снова</translation>
    </message>
    <message>
        <source>The file still could not be cleaned: something other than comments or notes is in the way (see the technical details). Nothing was changed.</source>
        <translation>Файл по-прежнему не удалось очистить: мешает что-то кроме комментариев и заметок (см. технические подробности). Ничего не изменено.</translation>
    </message>
    <message>
        <source>This is not the original file: its SHA-256 differs from the one recorded when it was attached. Nothing was changed.</source>
        <translation>Это не оригинальный файл: его SHA-256 отличается от записанного при добавлении. Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consent given on:</source>
        <extracomment>The purposes read as one sentence under &quot;The witness agrees to&quot;; the last flag is a request of the witness, not a purpose, and stands on its own.</extracomment>
        <translation>Дата согласия:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Способ:</translation>
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
    <message>
        <source>The witness agrees to:</source>
        <translation>Свидетель даёт согласие на:</translation>
    </message>
    <message>
        <source>being contacted again</source>
        <translation>повторную связь с ним</translation>
    </message>
    <message>
        <source>Note for a withdrawal or renewal (optional): how and why, e.g. “by phone, fears for family”</source>
        <translation>Примечание к отзыву или возобновлению согласия (необязательно): как и почему, например «по телефону, боится за семью»</translation>
    </message>
    <message>
        <source>Note for a withdrawal or renewal</source>
        <translation>Примечание к отзыву или возобновлению согласия</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Примечание: %1</translation>
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
    <name>DestinationPage</name>
    <message>
        <source>%1 — %2 free, %3</source>
        <translation>%1 — свободно %2, %3</translation>
    </message>
    <message>
        <source>unknown file system</source>
        <translation>файловая система неизвестна</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>только чтение</translation>
    </message>
    <message>
        <source>Where to write the bundle</source>
        <translation>Куда записать пакет</translation>
    </message>
    <message>
        <source>Plug in the USB stick you will carry to HQ and choose it. The bundle is encrypted for HQ: whoever finds the stick cannot read it.</source>
        <translation>Вставьте флешку, которую повезёте в штаб, и выберите её. Пакет зашифрован для штаба: тот, кто найдёт флешку, не сможет его прочитать.</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press &quot;Look again&quot;, or choose a folder.</source>
        <translation>Флешка не найдена. Вставьте её и нажмите «Искать снова» или выберите папку.</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Искать снова</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Куда записать</translation>
    </message>
    <message>
        <source>Choose where to write the bundle in the list above to go on.</source>
        <translation>Чтобы продолжить, выберите в списке выше, куда записать пакет.</translation>
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
    <message>
        <source>HQ station</source>
        <translation>Станция штаба</translation>
    </message>
    <message>
        <source>Tell it to every interviewer in person or by phone: they compare it with the key card you give them. Write key cards from the HQ window&apos;s toolbar.</source>
        <translation>Сообщите его каждому интервьюеру лично или по телефону: он сверит его с ключевой картой, которую вы ему дадите. Ключевые карты записываются с панели инструментов окна штаба.</translation>
    </message>
    <message>
        <source>The HQ station is ready. This is HQ&apos;s root fingerprint:</source>
        <translation>Станция штаба готова. Это корневой отпечаток штаба:</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>This is an HQ vault. Bundles for HQ are made on an interviewer&apos;s computer.</source>
        <translation>Это хранилище штаба. Пакеты для штаба создаются на компьютере интервьюера.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card has not been imported yet, so there is nobody to encrypt the bundle for. Import it first (HQ menu → Import HQ key card…).</source>
        <translation>Ключевая карта штаба ещё не импортирована, поэтому пакет не для кого зашифровать. Сначала импортируйте её (меню «Штаб» → «Импортировать ключевую карту штаба…»).</translation>
    </message>
    <message>
        <source>HQ&apos;s key card holds a key that cannot be used. Ask HQ for a new key card.</source>
        <translation>В ключевой карте штаба есть ключ, который нельзя использовать. Попросите у штаба новую ключевую карту.</translation>
    </message>
    <message>
        <source>Nothing can be sent: none of the chosen testimonies is final with consent to documentation by HQ.</source>
        <translation>Отправлять нечего: среди выбранных нет ни одного завершённого свидетельства с согласием на документирование штабом.</translation>
    </message>
    <message>
        <source>A chosen testimony no longer exists in the vault.</source>
        <translation>Одного из выбранных свидетельств больше нет в хранилище.</translation>
    </message>
    <message>
        <source>%1: this testimony is a draft. Finalise it before sending it to HQ.</source>
        <translation>%1: это свидетельство — черновик. Завершите его перед отправкой в штаб.</translation>
    </message>
    <message>
        <source>%1: the witness withdrew consent. This testimony must not be sent.</source>
        <translation>%1: свидетель отозвал согласие. Это свидетельство нельзя отправлять.</translation>
    </message>
    <message>
        <source>%1: the witness did not consent to documentation by HQ. This testimony must not be sent.</source>
        <translation>%1: свидетель не дал согласия на документирование штабом. Это свидетельство нельзя отправлять.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card asks for cleaned copies only. Untick &quot;Include the original files&quot;.</source>
        <translation>Ключевая карта штаба разрешает только очищенные копии. Снимите отметку «Добавить оригиналы файлов».</translation>
    </message>
    <message>
        <source>%1: a file that could not be cleaned will be described but not sent.</source>
        <translation>%1: файл, который не удалось очистить, будет описан, но не отправлен.</translation>
    </message>
    <message>
        <source>The destination is not there any more. Was the USB stick removed? Plug it in and choose it again.</source>
        <translation>Носитель больше недоступен. Флешку вынули? Вставьте её и выберите снова.</translation>
    </message>
    <message>
        <source>The destination is read-only. Check the lock switch on the USB stick or choose another place.</source>
        <translation>Носитель доступен только для чтения. Проверьте переключатель защиты на флешке или выберите другое место.</translation>
    </message>
    <message>
        <source>%1: a field of this testimony holds a value that cannot be sent (for example a date that does not exist). Open it, correct the dates and finalise it again.</source>
        <translation>%1: в одном из полей этого свидетельства значение, которое нельзя отправить (например, несуществующая дата). Откройте его, исправьте даты и снова завершите его.</translation>
    </message>
    <message>
        <source>Not enough free space on the destination: about %1 is needed, %2 is free. Free some space or use a bigger USB stick.</source>
        <translation>На носителе недостаточно места: нужно около %1, свободно %2. Освободите место или возьмите флешку побольше.</translation>
    </message>
    <message>
        <source>Writing to the destination failed: the USB stick may have been removed, be full or be faulty. Nothing was lost: the testimonies are still in the vault and no unfinished file was left behind. Plug the stick in again and retry.</source>
        <translation>Не удалось записать на носитель: флешку, возможно, вынули, она переполнена или неисправна. Ничего не потеряно: свидетельства по-прежнему в хранилище, незаконченных файлов не осталось. Вставьте флешку снова и повторите.</translation>
    </message>
    <message>
        <source>The bundle read back from the destination differs from what was written: the USB stick is faulty. The file was removed; nothing was lost. Use another stick.</source>
        <translation>Пакет, прочитанный с носителя, отличается от записанного: флешка неисправна. Файл удалён, ничего не потеряно. Возьмите другую флешку.</translation>
    </message>
    <message>
        <source>An attached file in the vault is damaged or was altered, so the export was stopped and nothing was written. Run a vault check.</source>
        <translation>Приложенный файл в хранилище повреждён или изменён, поэтому экспорт остановлен и ничего не записано. Проверьте хранилище.</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written and nothing was lost.</source>
        <translation>Экспорт отменён. Ничего не записано и ничего не потеряно.</translation>
    </message>
    <message>
        <source>This is not a valid HQ key card, or its signature does not match its content: it may have been altered on the way. It was not imported. Ask HQ for a new one.</source>
        <translation>Это недействительная ключевая карта штаба, или её подпись не совпадает с содержимым: возможно, её изменили по дороге. Она не импортирована. Попросите у штаба новую.</translation>
    </message>
    <message>
        <source>This key card is signed by a different HQ key than the one you trusted before. It was not imported. Do not use it, and tell HQ through a trusted channel.</source>
        <translation>Эта ключевая карта подписана другим ключом штаба, не тем, которому вы доверились раньше. Она не импортирована. Не используйте её и сообщите штабу по надёжному каналу.</translation>
    </message>
    <message>
        <source>This key card is older than the one already in use. It was not imported.</source>
        <translation>Эта ключевая карта выпущена раньше той, что уже используется. Она не импортирована.</translation>
    </message>
    <message>
        <source>This receipt is not valid: it is damaged, not signed by your HQ, or meant for another device. Nothing was changed.</source>
        <translation>Эта квитанция недействительна: она повреждена, подписана не вашим штабом или предназначена для другого устройства. Ничего не изменено.</translation>
    </message>
    <message>
        <source>This cannot be done in this kind of vault (HQ or interviewer).</source>
        <translation>Это нельзя сделать в хранилище такого типа (штаба или интервьюера).</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet.</source>
        <translation>В этом хранилище штаба ещё нет ключей штаба.</translation>
    </message>
    <message>
        <source>The file is damaged or is not a NAM Desktop bundle.</source>
        <translation>Файл повреждён или не является пакетом NAM Desktop.</translation>
    </message>
    <message>
        <source>The file is larger than the format allows.</source>
        <translation>Файл больше, чем допускает формат.</translation>
    </message>
    <message>
        <source>This file was made by a newer version of NAM Desktop. Update NAM Desktop to read it.</source>
        <translation>Этот файл создан более новой версией NAM Desktop. Обновите NAM Desktop, чтобы прочитать его.</translation>
    </message>
    <message>
        <source>The parts of this bundle contradict each other: faulty or tampered software made it.</source>
        <translation>Части этого пакета противоречат друг другу: его создала неисправная или подменённая программа.</translation>
    </message>
    <message>
        <source>The file is damaged or was altered.</source>
        <translation>Файл повреждён или был изменён.</translation>
    </message>
    <message>
        <source>The file is incomplete: part of it is missing.</source>
        <translation>Файл неполный: части не хватает.</translation>
    </message>
    <message>
        <source>The file was not encrypted for this HQ.</source>
        <translation>Файл зашифрован не для этого штаба.</translation>
    </message>
    <message>
        <source>The file was signed by a device that is not registered.</source>
        <translation>Файл подписан незарегистрированным устройством.</translation>
    </message>
    <message>
        <source>The signature does not match: the file was altered.</source>
        <translation>Подпись не совпадает: файл был изменён.</translation>
    </message>
    <message>
        <source>Part of the content does not match its signed hash: the file was altered.</source>
        <translation>Часть содержимого не совпадает с подписанным хешем: файл был изменён.</translation>
    </message>
    <message>
        <source>Two different bundles carry the same number from one device.</source>
        <translation>Два разных пакета от одного устройства имеют один и тот же номер.</translation>
    </message>
    <message>
        <source>A testimony arrived with content different from an earlier copy.</source>
        <translation>Пришло свидетельство, содержимое которого отличается от ранее полученной копии.</translation>
    </message>
    <message>
        <source>Import HQ&apos;s key card before importing a receipt: the receipt is checked against it.</source>
        <translation>Импортируйте ключевую карту штаба до импорта квитанции: квитанция проверяется по ней.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Не удаётся прочитать файл.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Send to HQ</source>
        <translation>Отправка в штаб</translation>
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
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
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
        <translation>Где разместить хранилище</translation>
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
    <message>
        <source>delivered to HQ</source>
        <translation>передано в штаб</translation>
    </message>
    <message>
        <source>changes discarded, last revision back</source>
        <translation>изменения отменены, возвращена последняя редакция</translation>
    </message>
    <message>
        <source>recording started</source>
        <translation>начата запись</translation>
    </message>
    <message>
        <source>interrupted recording recovered</source>
        <translation>прерванная запись восстановлена</translation>
    </message>
    <message>
        <source>recording discarded</source>
        <translation>запись уничтожена</translation>
    </message>
    <message>
        <source>recording lost</source>
        <translation>запись утеряна</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>правка</translation>
    </message>
    <message numerus="yes">
        <source>saved %n times</source>
        <translation>
            <numerusform>сохранено %n раз</numerusform>
            <numerusform>сохранено %n раза</numerusform>
            <numerusform>сохранено %n раз</numerusform>
        </translation>
    </message>
    <message>
        <source>(revision %1)</source>
        <translation>(редакция %1)</translation>
    </message>
</context>
<context>
    <name>HqAlarmsPanel</name>
    <message>
        <source>A missing bundle may mean a lost stick. A fork means two different bundles carry the same number: the device key may have been copied — talk to the interviewer before importing more from that device. Conflicts name items that arrived with different content.</source>
        <translation>Недостающий пакет может означать потерянную флешку. Раздвоение значит, что два разных пакета имеют один номер: ключ устройства могли скопировать — поговорите с интервьюером, прежде чем импортировать что-либо ещё с этого устройства. Конфликты указывают элементы, пришедшие с другим содержимым.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Технические подробности</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Тревоги</translation>
    </message>
</context>
<context>
    <name>HqDevicesPanel</name>
    <message>
        <source>Cyrillic letters were typed: %1. A fingerprint has only Latin letters A–Z and digits 2–7: switch the keyboard to English (Latin) and type them again.</source>
        <translation>Введены кириллические буквы: %1. В отпечатке только латинские буквы A–Z и цифры 2–7: переключите клавиатуру на английскую (латинскую) раскладку и введите их заново.</translation>
    </message>
    <message>
        <source>A fingerprint never has 0, 1, 8 or 9 (typed: %1): its digits are 2–7 only. Did the interviewer say the letter O or I?</source>
        <translation>В отпечатке не бывает цифр 0, 1, 8 и 9 (введено: %1): цифры в нём только от 2 до 7. Может быть, интервьюер назвал букву O или I?</translation>
    </message>
    <message>
        <source>These characters cannot be in a fingerprint: %1. Type only Latin letters A–Z, digits 2–7 and dashes.</source>
        <translation>Таких знаков не может быть в отпечатке: %1. Вводите только латинские буквы A–Z, цифры 2–7 и дефисы.</translation>
    </message>
    <message>
        <source>Too long: a fingerprint has six groups of four characters, a public key 64 hex characters.</source>
        <translation>Слишком много знаков: в отпечатке шесть групп по четыре знака, в открытом ключе — 64 шестнадцатеричных символа.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Открытый ключ</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>Last bundle no.</source>
        <translation>Последний пакет №</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Последний импорт</translation>
    </message>
    <message>
        <source>PDF certificate</source>
        <translation>PDF-сертификат</translation>
    </message>
    <message>
        <source>Registered devices</source>
        <translation>Зарегистрированные устройства</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>Сохранить квитанцию…</translation>
    </message>
    <message>
        <source>Register an interviewer&apos;s device</source>
        <translation>Зарегистрировать устройство интервьюера</translation>
    </message>
    <message>
        <source>Fingerprint or key:</source>
        <translation>Отпечаток или ключ:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>Сверьте:</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX or 64 hex characters</source>
        <translation>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX (латиница) или 64 шестнадцатеричных символа</translation>
    </message>
    <message>
        <source>Device fingerprint or public key</source>
        <translation>Отпечаток или открытый ключ устройства</translation>
    </message>
    <message>
        <source>e.g. the interviewer&apos;s code name</source>
        <translation>например, кодовое имя интервьюера</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Имя устройства</translation>
    </message>
    <message>
        <source>Register device</source>
        <translation>Зарегистрировать устройство</translation>
    </message>
    <message>
        <source>known</source>
        <translation>известен</translation>
    </message>
    <message>
        <source>fingerprint only</source>
        <translation>только отпечаток</translation>
    </message>
    <message>
        <source>not yet (after its next bundle)</source>
        <translation>ещё нет (после следующего пакета)</translation>
    </message>
    <message>
        <source>Nothing has been imported from this device yet.</source>
        <translation>С этого устройства ещё ничего не импортировано.</translation>
    </message>
    <message>
        <source>Type the fingerprint the interviewer reads to you (their app shows it under Settings): six groups of four Latin letters A–Z and digits 2–7. Or paste their 64-character public key.</source>
        <translation>Введите отпечаток, который продиктует интервьюер (его приложение показывает его в настройках): шесть групп по четыре знака — латинские буквы A–Z и цифры 2–7. Или вставьте его открытый ключ из 64 символов.</translation>
    </message>
    <message>
        <source>Register this device as “%1”?

%2

Register it only if the interviewer confirmed these exact six groups in person or by phone: once it is registered, bundles signed with this device are accepted.</source>
        <translation>Зарегистрировать это устройство как «%1»?

%2

Регистрируйте, только если интервьюер подтвердил именно эти шесть групп лично или по телефону: после регистрации пакеты, подписанные этим устройством, будут приниматься.</translation>
    </message>
    <message>
        <source>Read these six groups back to the interviewer, in person or by phone, and compare them with their screen before you register.</source>
        <translation>Прочитайте эти шесть групп интервьюеру лично или по телефону и сверьте их с его экраном, прежде чем регистрировать.</translation>
    </message>
    <message>
        <source>It is registered already, as “%1”: the name will change.</source>
        <translation>Оно уже зарегистрировано как «%1»: имя изменится.</translation>
    </message>
</context>
<context>
    <name>HqImportPanel</name>
    <message>
        <source>Choose the bundle files from the interviewer&apos;s USB stick (for a split bundle, one part is enough). Each bundle is checked — who signed it, for whom, every byte — and imported whole or not at all.</source>
        <translation>Выберите файлы пакетов на флешке интервьюера (для разделённого пакета достаточно одной части). Каждый пакет проверяется — кто подписал, для кого, каждый байт — и импортируется целиком или не импортируется вовсе.</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Импортировать пакеты…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Receipt for:</source>
        <translation>Квитанция для:</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>Сохранить квитанцию…</translation>
    </message>
    <message>
        <source>Device to write a receipt for</source>
        <translation>Устройство, для которого пишется квитанция</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Результаты импорта</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Пакеты для импорта</translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundles…</source>
        <translation>
            <numerusform>Проверяется и импортируется %n пакет…</numerusform>
            <numerusform>Проверяются и импортируются %n пакета…</numerusform>
            <numerusform>Проверяются и импортируются %n пакетов…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles checked: %1 imported, %2 already imported, %3 rejected.</source>
        <translation>
            <numerusform>Проверен %n пакет. Импортировано: %1, уже были импортированы ранее: %2, отклонено: %3.</numerusform>
            <numerusform>Проверено %n пакета. Импортировано: %1, уже были импортированы ранее: %2, отклонено: %3.</numerusform>
            <numerusform>Проверено %n пакетов. Импортировано: %1, уже были импортированы ранее: %2, отклонено: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: REJECTED.</source>
        <translation>%1: ОТКЛОНЁН.</translation>
    </message>
    <message>
        <source>Signed by device %1.</source>
        <translation>Подписан устройством %1.</translation>
    </message>
    <message>
        <source>Double-click the line above (or select it and press Enter) to register this device.</source>
        <translation>Дважды щёлкните строку выше (или выберите её и нажмите Enter), чтобы зарегистрировать это устройство.</translation>
    </message>
    <message>
        <source>%1: already imported from %2 (bundle no. %3). Nothing changed.</source>
        <translation>%1: уже импортирован от %2 (пакет № %3). Ничего не изменилось.</translation>
    </message>
    <message numerus="yes">
        <source>%1: imported %n testimonies from %2 (bundle no. %3).</source>
        <translation>
            <numerusform>%1: импортировано %n свидетельство от %2 (пакет № %3).</numerusform>
            <numerusform>%1: импортировано %n свидетельства от %2 (пакет № %3).</numerusform>
            <numerusform>%1: импортировано %n свидетельств от %2 (пакет № %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Items: %1 new, %2 already here.</source>
        <translation>Элементы: новые — %1, уже имеющиеся — %2.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n bundles from this device may be missing (no. %1 not received) — lost stick? Ask the interviewer.</source>
        <translation>
            <numerusform>Внимание: возможно, не хватает %n пакета с этого устройства (№ %1 не получен) — потеряна флешка? Спросите интервьюера.</numerusform>
            <numerusform>Внимание: возможно, не хватает %n пакетов с этого устройства (№ %1 не получены) — потеряна флешка? Спросите интервьюера.</numerusform>
            <numerusform>Внимание: возможно, не хватает %n пакетов с этого устройства (№ %1 не получены) — потеряна флешка? Спросите интервьюера.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device reports that export no. %1 did not complete (interrupted, failed or cancelled): no bundle of that number is missing.</source>
        <translation>Устройство сообщает, что экспорт № %1 не был завершён (прерван, завершился сбоем или отменён): пакет с этим номером не потерян.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Квитанция</translation>
    </message>
    <message>
        <source>Folder for the receipt (for example the interviewer&apos;s USB stick)</source>
        <translation>Папка для квитанции (например, флешка интервьюера)</translation>
    </message>
    <message>
        <source>The receipt for %1 was saved as:
%2

Give it to the interviewer: their app then marks the testimonies HQ received as delivered.</source>
        <translation>Квитанция для %1 сохранена как:
%2

Передайте её интервьюеру: его приложение отметит полученные штабом свидетельства как переданные.</translation>
    </message>
</context>
<context>
    <name>HqKeyCardDialog</name>
    <message>
        <source>Write key card</source>
        <translation>Записать ключевую карту</translation>
    </message>
    <message>
        <source>Writes key card no. %1 and a printable page with the same card as a QR code. Interviewers import the card; an app that holds an older card from this HQ accepts the newer one.</source>
        <translation>Записывает ключевую карту № %1 и страницу для печати с той же картой в виде QR-кода. Интервьюеры импортируют карту; приложение со старой картой этого штаба примет новую.</translation>
    </message>
    <message>
        <source>HQ root fingerprint (tell it to interviewers in person or by phone):</source>
        <translation>Корневой отпечаток штаба (сообщите его интервьюерам лично или по телефону):</translation>
    </message>
    <message>
        <source>HQ name</source>
        <translation>Название штаба</translation>
    </message>
    <message>
        <source>Accept original (uncleaned) files</source>
        <translation>Принимать оригиналы (неочищенные файлы)</translation>
    </message>
    <message>
        <source>Originals keep hidden information such as GPS positions: useful as evidence, dangerous if a stick is lost. Interviewers can send them only if this is ticked.</source>
        <translation>В оригиналах сохраняются скрытые сведения, например координаты GPS: полезно как доказательство, опасно при потере флешки. Интервьюеры смогут отправлять их, только если здесь стоит отметка.</translation>
    </message>
    <message>
        <source>Language of the printed page</source>
        <translation>Язык страницы для печати</translation>
    </message>
    <message>
        <source>Every interviewer</source>
        <translation>Для всех интервьюеров</translation>
    </message>
    <message>
        <source>%1 only, with its PDF certificate</source>
        <translation>Только %1, с PDF-сертификатом устройства</translation>
    </message>
    <message>
        <source>Who the card is for</source>
        <translation>Для кого карта</translation>
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
        <translation>Формат бумаги</translation>
    </message>
    <message>
        <source>Choose folder and write…</source>
        <translation>Выбрать папку и записать…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>HQ name on the card:</source>
        <translation>Название штаба на карте:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Для кого:</translation>
    </message>
    <message>
        <source>Printed page in:</source>
        <translation>Язык страницы:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Бумага:</translation>
    </message>
    <message>
        <source>Key card</source>
        <translation>Ключевая карта</translation>
    </message>
    <message>
        <source>Folder for the key card</source>
        <translation>Папка для ключевой карты</translation>
    </message>
    <message>
        <source>The key card is too large for a QR code. Use a shorter HQ name.</source>
        <translation>Ключевая карта слишком велика для QR-кода. Используйте более короткое название штаба.</translation>
    </message>
    <message>
        <source>The key card and its printable page were saved:
%1
%2

Give the card to interviewers, and tell them the root fingerprint in person or by phone:
%3</source>
        <translation>Ключевая карта и её страница для печати сохранены:
%1
%2

Передайте карту интервьюерам и сообщите им корневой отпечаток лично или по телефону:
%3</translation>
    </message>
</context>
<context>
    <name>HqMessages</name>
    <message>
        <source>The file is not a NAM bundle, or its contents break the format.</source>
        <translation>Файл не является пакетом NAM, или его содержимое нарушает формат.</translation>
    </message>
    <message>
        <source>The bundle exceeds a size limit; it was not read further.</source>
        <translation>Пакет превышает ограничение размера; дальше он не читался.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of NAM Desktop, in a format this version cannot read. Update NAM Desktop, then import it again.</source>
        <translation>Этот пакет создан более новой версией NAM Desktop в формате, который эта версия не умеет читать. Обновите NAM Desktop и импортируйте его снова.</translation>
    </message>
    <message>
        <source>The parts of this bundle contradict each other (a file differs from its description, or a description belongs to no testimony). It was signed that way, so faulty or tampered software made it. Nothing was imported.</source>
        <translation>Части этого пакета противоречат друг другу (файл не совпадает со своим описанием или описание не относится ни к одному свидетельству). Он был подписан в таком виде, значит, его создала неисправная или подменённая программа. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The file was damaged, altered or cut short (even one changed byte is noticed). Copy it from the stick again, or ask the interviewer for a new export.</source>
        <translation>Файл повреждён, изменён или обрезан (замечается даже один изменённый байт). Скопируйте его с флешки ещё раз или попросите интервьюера сделать новый экспорт.</translation>
    </message>
    <message>
        <source>The file is incomplete (cut short). Copy it from the stick again.</source>
        <translation>Файл неполный (обрезан). Скопируйте его с флешки ещё раз.</translation>
    </message>
    <message>
        <source>This bundle is not addressed to this HQ: it was encrypted for other keys. Was the interviewer&apos;s key card from another HQ or outdated?</source>
        <translation>Этот пакет адресован не этому штабу: он зашифрован для других ключей. Может быть, ключевая карта интервьюера от другого штаба или устарела?</translation>
    </message>
    <message>
        <source>Signed by a device that is not registered here. Compare its fingerprint with the interviewer in person or by phone, register the device, then import again.</source>
        <translation>Подписан устройством, которое здесь не зарегистрировано. Сверьте его отпечаток с интервьюером лично или по телефону, зарегистрируйте устройство и импортируйте снова.</translation>
    </message>
    <message>
        <source>The signature does not match: the bundle was forged or altered.</source>
        <translation>Подпись не совпадает: пакет подделан или изменён.</translation>
    </message>
    <message>
        <source>Part of the bundle differs from what the interviewer signed: it was altered.</source>
        <translation>Часть пакета отличается от того, что подписал интервьюер: он был изменён.</translation>
    </message>
    <message>
        <source>Two different bundles with the same sequence number came from this device — the device key may have been copied. The alarm is recorded for review.</source>
        <translation>С этого устройства пришли два разных пакета с одним порядковым номером — ключ устройства могли скопировать. Тревога записана для проверки.</translation>
    </message>
    <message>
        <source>Some items arrived with different content than the copies already here. The alarm is recorded; review these items:</source>
        <translation>Некоторые элементы пришли с содержимым, отличным от уже имеющихся копий. Тревога записана; проверьте эти элементы:</translation>
    </message>
    <message>
        <source>The vault&apos;s disk could not be written (full or removed?).</source>
        <translation>Не удалось записать на диск хранилища (переполнен или отключён?).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet.</source>
        <translation>В этом хранилище штаба ещё нет ключей штаба.</translation>
    </message>
    <message>
        <source>This needs an HQ vault.</source>
        <translation>Для этого нужно хранилище штаба.</translation>
    </message>
    <message>
        <source>missing bundle (lost stick?)</source>
        <translation>недостающий пакет (потеряна флешка?)</translation>
    </message>
    <message>
        <source>fork (device key copied?)</source>
        <translation>раздвоение (ключ устройства скопирован?)</translation>
    </message>
    <message>
        <source>conflict (different content)</source>
        <translation>конфликт (другое содержимое)</translation>
    </message>
    <message>
        <source>Nothing from this bundle was imported.</source>
        <translation>Из этого пакета ничего не импортировано.</translation>
    </message>
</context>
<context>
    <name>HqRecoveryDialog</name>
    <message>
        <source>Recovery request</source>
        <translation>Запрос на восстановление</translation>
    </message>
    <message>
        <source>An interviewer who cannot open their vault (after travel mode, or a forgotten passphrase) sends a recovery request. The answer opens that vault on their device only, once.</source>
        <translation>Интервьюер, который не может открыть своё хранилище (после режима поездки или если забыл парольную фразу), присылает запрос на восстановление. Ответ открывает это хранилище только на его устройстве и только один раз.</translation>
    </message>
    <message>
        <source>Open a request…</source>
        <translation>Открыть запрос…</translation>
    </message>
    <message>
        <source>Answer only after the interviewer has read you this code through another channel than the one that brought the file (in person, or a call you place to a number you know), and you are sure they are free to ask. Whoever gets this answer can open the vault.</source>
        <translation>Отвечайте, только когда интервьюер продиктовал вам этот код по другому каналу, чем тот, по которому пришёл файл (лично или по звонку, который вы сами сделали на известный вам номер), и вы уверены, что он просит не под принуждением. Тот, кто получит ответ, сможет открыть хранилище.</translation>
    </message>
    <message>
        <source>The interviewer read me this code through another channel</source>
        <translation>Интервьюер продиктовал мне этот код по другому каналу</translation>
    </message>
    <message>
        <source>Write the answer…</source>
        <translation>Записать ответ…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>From %1 (%2), made %3. Request code:</source>
        <translation>От %1 (%2), создан %3. Код запроса:</translation>
    </message>
    <message>
        <source>Where to save the answer</source>
        <translation>Куда сохранить ответ</translation>
    </message>
    <message>
        <source>The answer was saved as %1. Give it to the interviewer: it opens their vault on their device only, once.</source>
        <translation>Ответ сохранён как %1. Передайте его интервьюеру: он откроет хранилище только на его устройстве и только один раз.</translation>
    </message>
</context>
<context>
    <name>HqStationPage</name>
    <message>
        <source>HQ station</source>
        <translation>Станция штаба</translation>
    </message>
    <message>
        <source>This computer becomes HQ&apos;s import station. Its vault holds HQ&apos;s keys (they never leave it), the testimonies interviewers send, and the register of their devices. Interviewers receive only HQ&apos;s public key card.</source>
        <translation>Этот компьютер станет станцией штаба для импорта. В его хранилище будут ключи штаба (они никогда его не покидают), свидетельства, которые присылают интервьюеры, и реестр их устройств. Интервьюеры получают только открытую ключевую карту штаба.</translation>
    </message>
    <message>
        <source>Name printed on HQ&apos;s key cards (optional):</source>
        <translation>Название штаба на ключевых картах (необязательно):</translation>
    </message>
    <message>
        <source>HQ name</source>
        <translation>Название штаба</translation>
    </message>
    <message>
        <source>e.g. HQ Vilnius</source>
        <translation>например, Штаб Вильнюс</translation>
    </message>
</context>
<context>
    <name>HqTestimonyView</name>
    <message>
        <source>Show identity</source>
        <translation>Показать личные данные</translation>
    </message>
    <message>
        <source>The witness&apos;s name and contacts, if the interviewer sent them</source>
        <translation>Имя и контакты свидетеля, если интервьюер их прислал</translation>
    </message>
    <message>
        <source>Summary / print…</source>
        <translation>Сводка / печать…</translation>
    </message>
    <message>
        <source>Testimony (read only)</source>
        <translation>Свидетельство (только чтение)</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Свидетельство</translation>
    </message>
    <message>
        <source>Select a testimony to read it. Testimonies received at HQ are read only.</source>
        <translation>Выберите свидетельство, чтобы прочитать его. Свидетельства, полученные штабом, доступны только для чтения.</translation>
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
        <translation>Остались на устройстве интервьюера, не отправлены.</translation>
    </message>
</context>
<context>
    <name>HqUwaziDialog</name>
    <message>
        <source>Export to Uwazi</source>
        <translation>Экспорт в Uwazi</translation>
    </message>
    <message>
        <source>Writes the testimonies HQ may share as Uwazi import packages: one zip per template, acts first. Everything is checked against a snapshot of the Uwazi collection (its templates, thesauri and settings) before anything is written. Only pseudonymised content leaves the vault; the witness&apos;s identity never does.</source>
        <translation>Записывает свидетельства, которыми штаб может делиться, как пакеты импорта Uwazi: по одному zip на шаблон, сначала эпизоды. Перед записью всё проверяется по снимку коллекции Uwazi (её шаблонам, тезаурусам и настройкам). Из хранилища выходит только псевдонимизированное содержимое; личные данные свидетеля — никогда.</translation>
    </message>
    <message>
        <source>The packages contain testimony text in plain, readable form, for the Uwazi admin. They are written only into the folder you choose: use an encrypted drive, and delete them once they are imported.</source>
        <translation>Пакеты содержат текст свидетельств в открытом, читаемом виде — для администратора Uwazi. Они записываются только в выбранную вами папку: используйте зашифрованный диск и удалите их после импорта.</translation>
    </message>
    <message>
        <source>Uwazi snapshot:</source>
        <translation>Снимок Uwazi:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Папка для пакетов:</translation>
    </message>
    <message>
        <source>Mapping:</source>
        <translation>Сопоставление:</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Экспортировать:</translation>
    </message>
    <message>
        <source>Choose snapshot folder…</source>
        <translation>Выбрать папку снимка…</translation>
    </message>
    <message>
        <source>Choose output folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <source>Choose mapping file…</source>
        <translation>Выбрать файл сопоставления…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Ход экспорта</translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation>Проблемы и замечания</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Stored snapshot no. %1 of %2</source>
        <translation>Сохранённый снимок № %1 от %2</translation>
    </message>
    <message>
        <source>No snapshot stored yet: choose its folder</source>
        <translation>Снимок ещё не сохранён: выберите его папку</translation>
    </message>
    <message>
        <source>Recommended templates (default)</source>
        <translation>Рекомендуемые шаблоны (по умолчанию)</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Не выбрана</translation>
    </message>
    <message>
        <source>New and changed since the last export</source>
        <translation>Новое и изменённое с последнего экспорта</translation>
    </message>
    <message>
        <source>Everything again (may duplicate entities in Uwazi)</source>
        <translation>Всё заново (в Uwazi могут появиться дубликаты)</translation>
    </message>
    <message>
        <source>New and changed since export no. %1 (%2)</source>
        <translation>Новое и изменённое с экспорта № %1 (%2)</translation>
    </message>
    <message>
        <source>Uwazi snapshot folder</source>
        <translation>Папка снимка Uwazi</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Папка для пакетов</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Файл сопоставления</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Checking and writing…</source>
        <translation>Проверка и запись…</translation>
    </message>
    <message numerus="yes">
        <source>Check passed: %n testimonies would be exported.</source>
        <translation>
            <numerusform>Проверка пройдена: будет экспортировано %n свидетельство.</numerusform>
            <numerusform>Проверка пройдена: будет экспортировано %n свидетельства.</numerusform>
            <numerusform>Проверка пройдена: будет экспортировано %n свидетельств.</numerusform>
        </translation>
    </message>
    <message>
        <source>Packages: %1. Unchanged since the last export: %2.</source>
        <translation>Пакетов: %1. Без изменений с последнего экспорта: %2.</translation>
    </message>
    <message>
        <source>Export no. %1 written to %2. Testimonies: %3, acts: %4, files: %5, packages: %6. Import the packages in Uwazi in the order of their numbers.</source>
        <translation>Экспорт № %1 записан в %2. Свидетельств: %3, эпизодов: %4, файлов: %5, пакетов: %6. Импортируйте пакеты в Uwazi в порядке их номеров.</translation>
    </message>
    <message>
        <source>Nothing new or changed since the last export.</source>
        <translation>С последнего экспорта нет ничего нового или изменённого.</translation>
    </message>
    <message>
        <source>Nothing new or changed since the last export: nothing was written.</source>
        <translation>С последнего экспорта нет ничего нового или изменённого: ничего не записано.</translation>
    </message>
    <message numerus="yes">
        <source>Export refused: %n problems. Nothing was written.</source>
        <translation>
            <numerusform>Экспорт отклонён: %n проблема. Ничего не записано.</numerusform>
            <numerusform>Экспорт отклонён: %n проблемы. Ничего не записано.</numerusform>
            <numerusform>Экспорт отклонён: %n проблем. Ничего не записано.</numerusform>
        </translation>
    </message>
    <message>
        <source>header</source>
        <translation>заголовок</translation>
    </message>
    <message>
        <source>Remove from Uwazi: consent no longer allows it</source>
        <translation>Удалить из Uwazi: согласие больше этого не допускает</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>файл %1</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Не включено:</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Снимок</translation>
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
        <translation>Свидетельства</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Импортировать пакеты…</translation>
    </message>
    <message>
        <source>Write key card…</source>
        <translation>Записать ключевую карту…</translation>
    </message>
    <message>
        <source>Export to Uwazi…</source>
        <translation>Экспорт в Uwazi…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
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
        <source>HQ toolbar</source>
        <translation>Панель штаба</translation>
    </message>
    <message>
        <source>Testimonies received</source>
        <translation>Полученные свидетельства</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet: create them before writing a key card or importing bundles.</source>
        <translation>В этом хранилище штаба ещё нет ключей штаба: создайте их, прежде чем записывать ключевую карту или импортировать пакеты.</translation>
    </message>
    <message>
        <source>Create HQ keys</source>
        <translation>Создать ключи штаба</translation>
    </message>
    <message>
        <source>Alarms (%1)</source>
        <translation>Тревоги (%1)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Тревоги</translation>
    </message>
    <message>
        <source>Create the HQ root, receipt and encryption keys in this vault? They never leave it; interviewers receive only the public key card.</source>
        <translation>Создать в этом хранилище корневой ключ штаба, ключ квитанций и ключ шифрования? Они никогда его не покидают; интервьюеры получают только открытую ключевую карту.</translation>
    </message>
    <message>
        <source>Received from %1 (%2), bundle no. %3, imported %4. Read only.</source>
        <translation>Получено от %1 (%2), пакет № %3, импортировано %4. Только чтение.</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Не удаётся открыть</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Станция</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Search testimonies</source>
        <translation>Поиск по свидетельствам</translation>
    </message>
    <message>
        <source>Recovery request…</source>
        <translation>Запрос на восстановление…</translation>
    </message>
    <message>
        <source>Give an interviewer access back to their vault</source>
        <translation>Вернуть интервьюеру доступ к его хранилищу</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Lock at once and empty the clipboard (%1)</source>
        <translation>Сразу заблокировать и очистить буфер обмена (%1)</translation>
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
        <translation>Ваше имя или код, выданный штабом. Он сохраняется в хранилище и добавляется к каждому свидетельству, которое вы записываете.</translation>
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
    <name>KeyCardDialog</name>
    <message>
        <source>No key card yet: bundles for HQ cannot be made until you import one.</source>
        <translation>Ключевой карты пока нет: пакеты для штаба нельзя создать, пока вы её не импортируете.</translation>
    </message>
    <message>
        <source>Key card number %1 from %2, issued %3. Originals accepted: %4. HQ&apos;s fingerprint:</source>
        <translation>Ключевая карта № %1 от «%2», выдана %3. Оригиналы принимаются: %4. Отпечаток штаба:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Key card number %1 (the card names no HQ), issued %2. Originals accepted: %3. HQ&apos;s fingerprint:</source>
        <translation>Ключевая карта № %1 (название штаба на ней не указано), выдана %2. Оригиналы принимаются: %3. Отпечаток штаба:</translation>
    </message>
    <message>
        <source>Bundles are encrypted for:</source>
        <translation>Пакеты шифруются для:</translation>
    </message>
    <message>
        <source>HQ key card</source>
        <translation>Ключевая карта штаба</translation>
    </message>
    <message>
        <source>Key card in use</source>
        <translation>Используемая ключевая карта</translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation>Импорт ключевой карты</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>KeyCardPage</name>
    <message>
        <source>HQ&apos;s key card (optional)</source>
        <translation>Ключевая карта штаба (необязательно)</translation>
    </message>
    <message>
        <source>If HQ has already given you its key card, import it now. You can also do it later from the HQ menu.</source>
        <translation>Если штаб уже передал вам свою ключевую карту, импортируйте её сейчас. Это можно сделать и позже через меню «Штаб».</translation>
    </message>
    <message>
        <source>I&apos;ll do it later</source>
        <translation>Сделаю это позже</translation>
    </message>
</context>
<context>
    <name>KeyCardPanel</name>
    <message>
        <source>HQ key card</source>
        <translation>Ключевая карта штаба</translation>
    </message>
    <message>
        <source>This key card is already in use. Nothing to do.</source>
        <translation>Эта ключевая карта уже используется. Делать ничего не нужно.</translation>
    </message>
    <message>
        <source>Does this fingerprint match the one HQ gave you?</source>
        <translation>Совпадает ли этот отпечаток с тем, что вам дал штаб?</translation>
    </message>
    <message>
        <source>Compare it group by group with the fingerprint HQ read to you by phone or gave you in person — not with one that came with the file. Only if every letter and digit matches, press &quot;It matches&quot;. Someone who swapped the file could read everything you send.</source>
        <translation>Сверьте его группа за группой с отпечатком, который штаб продиктовал вам по телефону или передал лично, — а не с тем, что пришёл вместе с файлом. Нажимайте «Совпадает», только если совпадает каждая буква и цифра. Тот, кто подменил файл, сможет прочитать всё, что вы отправите.</translation>
    </message>
    <message>
        <source>It matches: trust this key card</source>
        <translation>Совпадает: доверять этой ключевой карте</translation>
    </message>
    <message>
        <source>It does not match</source>
        <translation>Не совпадает</translation>
    </message>
    <message>
        <source>A newer key card from the same HQ</source>
        <translation>Более новая ключевая карта того же штаба</translation>
    </message>
    <message>
        <source>It is signed by the HQ key you already trust (fingerprint above) and replaces key card number %1.</source>
        <translation>Она подписана ключом штаба, которому вы уже доверяете (отпечаток выше), и заменяет ключевую карту № %1.</translation>
    </message>
    <message>
        <source>Use the new key card</source>
        <translation>Использовать новую ключевую карту</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>Key card number %1, issued %2. Originals accepted: %3.</source>
        <translation>Ключевая карта № %1, выдана %2. Оригиналы принимаются: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>HQ&apos;s key card was imported. You can now send bundles to HQ.</source>
        <translation>Ключевая карта штаба импортирована. Теперь вы можете отправлять пакеты в штаб.</translation>
    </message>
    <message>
        <source>The new key card is now in use.</source>
        <translation>Теперь используется новая ключевая карта.</translation>
    </message>
    <message>
        <source>The key card was not imported. Tell HQ through a trusted channel that the fingerprints differ: someone may have replaced the file.</source>
        <translation>Ключевая карта не импортирована. Сообщите штабу по надёжному каналу, что отпечатки не совпадают: возможно, кто-то подменил файл.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card is a small file from HQ. With it, the bundles you send can be opened only by HQ. Open the file, or paste its text.</source>
        <translation>Ключевая карта штаба — это небольшой файл от штаба. С ней отправленные вами пакеты сможет открыть только штаб. Откройте файл или вставьте его текст.</translation>
    </message>
    <message>
        <source>Open key card file…</source>
        <translation>Открыть файл ключевой карты…</translation>
    </message>
    <message>
        <source>…or paste the key card text here</source>
        <translation>…или вставьте сюда текст ключевой карты</translation>
    </message>
    <message>
        <source>Key card text</source>
        <translation>Текст ключевой карты</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
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
    <message>
        <source>What is this computer for?</source>
        <translation>Для чего этот компьютер?</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Интервьюер</translation>
    </message>
    <message>
        <source>Record testimonies and send them to HQ on a USB stick.</source>
        <translation>Записывать свидетельства и передавать их в штаб на флешке.</translation>
    </message>
    <message>
        <source>Set up an HQ station</source>
        <translation>Настроить станцию штаба</translation>
    </message>
    <message>
        <source>Receive and check the bundles interviewers send, register their devices, write key cards and receipts.</source>
        <translation>Принимать и проверять пакеты от интервьюеров, регистрировать их устройства, записывать ключевые карты и квитанции.</translation>
    </message>
</context>
<context>
    <name>ListLoader</name>
    <message>
        <source>The list could not be read: %1</source>
        <translation>Не удалось прочитать список: %1</translation>
    </message>
    <message numerus="yes">
        <source>Loading the list: the first %1 of %n testimonies are shown. Sorting, filters and search cover the whole list once it is in.</source>
        <translation>
            <numerusform>Список загружается: показаны первые %1 из %n свидетельства. Сортировка, фильтры и поиск охватят весь список, когда он загрузится.</numerusform>
            <numerusform>Список загружается: показаны первые %1 из %n свидетельств. Сортировка, фильтры и поиск охватят весь список, когда он загрузится.</numerusform>
            <numerusform>Список загружается: показаны первые %1 из %n свидетельств. Сортировка, фильтры и поиск охватят весь список, когда он загрузится.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>Список загружается…</translation>
    </message>
    <message>
        <source>Updating the list…</source>
        <translation>Список обновляется…</translation>
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
        <source>Main toolbar</source>
        <translation>Главная панель</translation>
    </message>
    <message>
        <source>&amp;HQ</source>
        <translation>&amp;Штаб</translation>
    </message>
    <message>
        <source>Send to HQ…</source>
        <translation>Отправить в штаб…</translation>
    </message>
    <message>
        <source>Write the final testimonies to a USB stick for HQ, encrypted</source>
        <translation>Записать завершённые свидетельства на флешку для штаба в зашифрованном виде</translation>
    </message>
    <message>
        <source>Import HQ key card…</source>
        <translation>Импортировать ключевую карту штаба…</translation>
    </message>
    <message>
        <source>Import HQ receipt…</source>
        <translation>Импортировать квитанцию штаба…</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Не удаётся открыть</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>Record interview</source>
        <translation>Записать интервью</translation>
    </message>
    <message>
        <source>Record the interview into this testimony (Ctrl+R)</source>
        <translation>Записать интервью в это свидетельство (Ctrl+R)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Lock at once and empty the clipboard (%1)</source>
        <translation>Сразу заблокировать и очистить буфер обмена (%1)</translation>
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
        <source>There is not enough free space on the disk. Nothing was changed. Free some space and try again.</source>
        <translation>На диске недостаточно свободного места. Ничего не изменено. Освободите место и повторите попытку.</translation>
    </message>
    <message>
        <source>The disk could not be read or written: it may have been removed or be faulty. Nothing was changed.</source>
        <translation>Не удалось прочитать диск или записать на него: возможно, он извлечён или неисправен. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The file was refused: it is damaged, was altered, or is not meant for this vault. Nothing was changed.</source>
        <translation>Файл отклонён: он повреждён, изменён или предназначен не для этого хранилища. Ничего не изменено.</translation>
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
    <message>
        <source>This vault is waiting for access from HQ: no passphrase opens it now. Make a recovery request and give it to HQ.</source>
        <translation>Это хранилище ждёт доступа от штаба: сейчас его не открывает никакая парольная фраза. Создайте запрос на восстановление и передайте его штабу.</translation>
    </message>
</context>
<context>
    <name>MetadataWords</name>
    <message>
        <source>Location %1</source>
        <translation>Местоположение %1</translation>
    </message>
    <message>
        <source>Place name “%1”</source>
        <translation>Название места «%1»</translation>
    </message>
    <message>
        <source>Camera serial number %1</source>
        <translation>Серийный номер камеры %1</translation>
    </message>
    <message>
        <source>Owner&apos;s name “%1”</source>
        <translation>Имя владельца «%1»</translation>
    </message>
    <message>
        <source>Author “%1”</source>
        <translation>Автор «%1»</translation>
    </message>
    <message>
        <source>Copyright notice “%1”</source>
        <translation>Указание авторских прав «%1»</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Камера %1</translation>
    </message>
    <message>
        <source>Date and time %1</source>
        <translation>Дата и время %1</translation>
    </message>
    <message>
        <source>Software “%1”</source>
        <translation>Программа «%1»</translation>
    </message>
    <message>
        <source>Caption, title or comment “%1”</source>
        <translation>Подпись, заголовок или комментарий «%1»</translation>
    </message>
    <message>
        <source>Location (GPS)</source>
        <translation>Местоположение (GPS)</translation>
    </message>
    <message>
        <source>A place name</source>
        <translation>Название места</translation>
    </message>
    <message>
        <source>A serial number</source>
        <translation>Серийный номер</translation>
    </message>
    <message>
        <source>The owner&apos;s name</source>
        <translation>Имя владельца</translation>
    </message>
    <message>
        <source>The author&apos;s name</source>
        <translation>Имя автора</translation>
    </message>
    <message>
        <source>A copyright notice</source>
        <translation>Указание авторских прав</translation>
    </message>
    <message>
        <source>The camera model</source>
        <translation>Модель камеры</translation>
    </message>
    <message>
        <source>Dates and times</source>
        <translation>Даты и время</translation>
    </message>
    <message>
        <source>The software used</source>
        <translation>Использованная программа</translation>
    </message>
    <message>
        <source>A caption, title or comment</source>
        <translation>Подпись, заголовок или комментарий</translation>
    </message>
    <message>
        <source>A small preview picture, which may show more than the picture itself</source>
        <translation>Миниатюра, на которой может быть видно больше, чем на самом снимке</translation>
    </message>
    <message>
        <source>Document identifiers that can link copies of the file</source>
        <translation>Идентификаторы документа, по которым можно связать копии файла</translation>
    </message>
    <message>
        <source>The editing history (earlier versions, editing time)</source>
        <translation>История правок (прежние версии, время редактирования)</translation>
    </message>
    <message>
        <source>The camera maker&apos;s hidden data block</source>
        <translation>Скрытый блок данных производителя камеры</translation>
    </message>
    <message>
        <source>the picture</source>
        <translation>само изображение</translation>
    </message>
    <message>
        <source>its orientation</source>
        <translation>его ориентация</translation>
    </message>
    <message>
        <source>its colour profile</source>
        <translation>цветовой профиль</translation>
    </message>
    <message>
        <source>the sound</source>
        <translation>звук</translation>
    </message>
    <message>
        <source>the video</source>
        <translation>видео</translation>
    </message>
    <message>
        <source>the pages</source>
        <translation>страницы</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>This type of file is not checked: it was stored as it is, and hidden information may still be in it.</source>
        <translation>Файлы этого типа не проверяются: файл сохранён как есть, и скрытые данные могут в нём остаться.</translation>
    </message>
    <message>
        <source>The content itself was not changed or re-encoded: only the hidden information was taken out.</source>
        <translation>Само содержимое не изменено и не сжато заново: удалены только скрытые данные.</translation>
    </message>
    <message>
        <source>The file was rewritten without its hidden information; what it shows is unchanged.</source>
        <translation>Файл перезаписан без скрытых данных; его содержимое не изменилось.</translation>
    </message>
    <message>
        <source>Tracked changes were accepted, and comments or embedded files were removed.</source>
        <translation>Отслеживаемые исправления приняты, комментарии и встроенные файлы удалены.</translation>
    </message>
    <message numerus="yes">
        <source>%n other identifying items</source>
        <translation>
            <numerusform>ещё %n элемент, раскрывающий личность</numerusform>
            <numerusform>ещё %n элемента, раскрывающих личность</numerusform>
            <numerusform>ещё %n элементов, раскрывающих личность</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n technical details, such as camera settings</source>
        <translation>
            <numerusform>%n техническая подробность (например, настройки камеры)</numerusform>
            <numerusform>%n технические подробности (например, настройки камеры)</numerusform>
            <numerusform>%n технических подробностей (например, настройки камеры)</numerusform>
        </translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>still in the file</source>
        <translation>осталось в файле</translation>
    </message>
    <message>
        <source>No hidden information was found.</source>
        <translation>Скрытых данных не найдено.</translation>
    </message>
    <message>
        <source>No hidden information could be read.</source>
        <translation>Скрытые данные прочитать не удалось.</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>неизвестный тип</translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n комментарий</numerusform>
            <numerusform>%n комментария</numerusform>
            <numerusform>%n комментариев</numerusform>
        </translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message numerus="yes">
        <source>The speaker notes of %n slides</source>
        <translation>
            <numerusform>Заметки докладчика к %n слайду</numerusform>
            <numerusform>Заметки докладчика к %n слайдам</numerusform>
            <numerusform>Заметки докладчика к %n слайдам</numerusform>
        </translation>
    </message>
    <message>
        <source>The speaker notes</source>
        <translation>Заметки докладчика</translation>
    </message>
    <message numerus="yes">
        <source>%n tracked changes (accepted into the text)</source>
        <translation>
            <numerusform>%n исправление (принято в текст)</numerusform>
            <numerusform>%n исправления (приняты в текст)</numerusform>
            <numerusform>%n исправлений (приняты в текст)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracked changes (accepted into the text)</source>
        <translation>Исправления (приняты в текст)</translation>
    </message>
    <message numerus="yes">
        <source>%n embedded files</source>
        <translation>
            <numerusform>%n встроенный файл</numerusform>
            <numerusform>%n встроенных файла</numerusform>
            <numerusform>%n встроенных файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Embedded files</source>
        <translation>Встроенные файлы</translation>
    </message>
    <message>
        <source>Parts of the file that cannot be checked</source>
        <translation>Части файла, которые невозможно проверить</translation>
    </message>
    <message>
        <source>(who wrote them: %1)</source>
        <translation>(кто написал: %1)</translation>
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
    <name>ReceiptDialog</name>
    <message>
        <source>HQ receipt</source>
        <translation>Квитанция штаба</translation>
    </message>
    <message>
        <source>HQ confirmed that it received your bundles. These testimonies are now marked delivered:</source>
        <translation>Штаб подтвердил получение ваших пакетов. Эти свидетельства теперь отмечены как переданные:</translation>
    </message>
    <message>
        <source>The receipt is valid. No testimony changed: everything it lists was already marked delivered or has been edited since.</source>
        <translation>Квитанция действительна. Ни одно свидетельство не изменилось: всё, что в ней указано, уже отмечено как переданное или с тех пор было отредактировано.</translation>
    </message>
    <message>
        <source>Signed by HQ&apos;s receipt key %1 (key card no. %2).</source>
        <translation>Подписано ключом квитанций штаба %1 (ключевая карта № %2).</translation>
    </message>
    <message numerus="yes">
        <source>The receipt also lists %n bundles that this vault did not make. Tell HQ: they may have mixed up devices.</source>
        <translation>
            <numerusform>В квитанции также указан %n пакет, не созданный этим хранилищем. Сообщите штабу: возможно, там перепутали устройства.</numerusform>
            <numerusform>В квитанции также указаны %n пакета, не созданных этим хранилищем. Сообщите штабу: возможно, там перепутали устройства.</numerusform>
            <numerusform>В квитанции также указаны %n пакетов, не созданных этим хранилищем. Сообщите штабу: возможно, там перепутали устройства.</numerusform>
        </translation>
    </message>
    <message>
        <source>This receipt comes from an older HQ program: it does not list the files HQ received, so no file can be destroyed with it. Ask HQ for a new receipt.</source>
        <translation>Эта квитанция создана старой версией программы штаба: в ней нет списка файлов, полученных штабом, поэтому по ней нельзя уничтожить ни одного файла. Попросите у штаба новую квитанцию.</translation>
    </message>
    <message>
        <source>original</source>
        <translation>оригинал</translation>
    </message>
    <message>
        <source>cleaned copy</source>
        <translation>очищенная копия</translation>
    </message>
    <message numerus="yes">
        <source>%n files on this computer can be destroyed: HQ holds exact copies (same SHA-256).</source>
        <translation>
            <numerusform>%n файл на этом компьютере можно уничтожить: у штаба есть его точная копия (тот же SHA-256).</numerusform>
            <numerusform>%n файла на этом компьютере можно уничтожить: у штаба есть их точные копии (тот же SHA-256).</numerusform>
            <numerusform>%n файлов на этом компьютере можно уничтожить: у штаба есть их точные копии (тот же SHA-256).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n originals that HQ has not received stay on this computer.</source>
        <translation>
            <numerusform>%n оригинал, который штаб не получал, остаётся на этом компьютере.</numerusform>
            <numerusform>%n оригинала, которые штаб не получал, остаются на этом компьютере.</numerusform>
            <numerusform>%n оригиналов, которые штаб не получал, остаются на этом компьютере.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleaned copies that HQ has not received stay on this computer.</source>
        <translation>
            <numerusform>%n очищенная копия, которую штаб не получал, остаётся на этом компьютере.</numerusform>
            <numerusform>%n очищенные копии, которые штаб не получал, остаются на этом компьютере.</numerusform>
            <numerusform>%n очищенных копий, которые штаб не получал, остаются на этом компьютере.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Destroy %n files on this computer? HQ holds exact copies of them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</source>
        <translation>
            <numerusform>Уничтожить на этом компьютере %n файл? У штаба есть его точная копия. Текст свидетельств и запись о том, что было отправлено, останутся. Это действие нельзя отменить.</numerusform>
            <numerusform>Уничтожить на этом компьютере %n файла? У штаба есть их точные копии. Текст свидетельств и запись о том, что было отправлено, останутся. Это действие нельзя отменить.</numerusform>
            <numerusform>Уничтожить на этом компьютере %n файлов? У штаба есть их точные копии. Текст свидетельств и запись о том, что было отправлено, останутся. Это действие нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy files on this computer?</source>
        <translation>Уничтожить файлы на этом компьютере?</translation>
    </message>
    <message numerus="yes">
        <source>%n files destroyed.</source>
        <translation>
            <numerusform>Уничтожен %n файл.</numerusform>
            <numerusform>Уничтожено %n файла.</numerusform>
            <numerusform>Уничтожено %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy files HQ does not have?</source>
        <translation>Уничтожить файлы, которых нет у штаба?</translation>
    </message>
    <message numerus="yes">
        <source>HQ does NOT have the %n files listed here: they exist only on this computer. If you destroy them, they are lost for good, as evidence too. Destroy them anyway?</source>
        <translation>
            <numerusform>У штаба НЕТ %n файла из этого списка: он есть только на этом компьютере. Если его уничтожить, он будет потерян навсегда, в том числе как доказательство. Всё равно уничтожить?</numerusform>
            <numerusform>У штаба НЕТ %n файлов из этого списка: они есть только на этом компьютере. Если их уничтожить, они будут потеряны навсегда, в том числе как доказательства. Всё равно уничтожить?</numerusform>
            <numerusform>У штаба НЕТ %n файлов из этого списка: они есть только на этом компьютере. Если их уничтожить, они будут потеряны навсегда, в том числе как доказательства. Всё равно уничтожить?</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy anyway</source>
        <translation>Всё равно уничтожить</translation>
    </message>
    <message numerus="yes">
        <source>%n files that HQ did not have were destroyed.</source>
        <translation>
            <numerusform>Уничтожен %n файл, которого не было у штаба.</numerusform>
            <numerusform>Уничтожено %n файла, которых не было у штаба.</numerusform>
            <numerusform>Уничтожено %n файлов, которых не было у штаба.</numerusform>
        </translation>
    </message>
    <message>
        <source>If this computer might be seized, you can destroy here the attached files of delivered testimonies that HQ holds exact copies of. Files HQ has not received (usually the originals) are kept; only a separate button destroys them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</source>
        <translation>Если этот компьютер могут изъять, здесь можно уничтожить приложенные файлы переданных свидетельств, точные копии которых есть у штаба. Файлы, которых штаб не получал (обычно это оригиналы), остаются; уничтожить их можно только отдельной кнопкой. Текст свидетельств и запись о том, что было отправлено, не затрагиваются. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <source>Destroy files HQ holds…</source>
        <translation>Уничтожить файлы, которые есть у штаба…</translation>
    </message>
    <message>
        <source>Destroy files HQ does not have…</source>
        <translation>Уничтожить файлы, которых нет у штаба…</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Уничтожить</translation>
    </message>
    <message>
        <source>When your bundle has arrived, HQ sends you a receipt file. Importing it marks the testimonies HQ received as delivered.</source>
        <translation>Когда ваш пакет дойдёт, штаб пришлёт вам файл квитанции. После импорта полученные штабом свидетельства отмечаются как переданные.</translation>
    </message>
    <message>
        <source>Open receipt file…</source>
        <translation>Открыть файл квитанции…</translation>
    </message>
    <message>
        <source>Delivered testimonies</source>
        <translation>Переданные свидетельства</translation>
    </message>
    <message>
        <source>Files HQ holds</source>
        <translation>Файлы, которые есть у штаба</translation>
    </message>
    <message>
        <source>Files HQ does not have</source>
        <translation>Файлы, которых нет у штаба</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>RecorderDialog</name>
    <message>
        <source>Record interview</source>
        <translation>Запись интервью</translation>
    </message>
    <message>
        <source>Recording for “%1”. Closing this window finishes the recording and keeps it with the testimony&apos;s files.</source>
        <translation>Запись для «%1». Когда вы закроете это окно, запись завершится и сохранится среди файлов свидетельства.</translation>
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
        <translation>Запись не разрешена: свидетель не дал согласия на аудиозапись. Сначала отметьте пункт «аудиозапись» в разделе «Согласие».</translation>
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
        <source>Waiting for permission to use the microphone…</source>
        <translation>Ожидание разрешения на использование микрофона…</translation>
    </message>
    <message>
        <source>NAM Desktop may not use the microphone, so nothing would be recorded. Allow it in the system settings, then restart NAM Desktop: on macOS in System Settings → Privacy &amp; Security → Microphone; on Windows in Settings → Privacy &amp; security → Microphone (also &quot;Let desktop apps access your microphone&quot;).</source>
        <translation>NAM Desktop не разрешено использовать микрофон, поэтому ничего не было бы записано. Разрешите это в настройках системы и перезапустите NAM Desktop: в macOS — «Системные настройки» → «Конфиденциальность и безопасность» → «Микрофон»; в Windows — «Параметры» → «Конфиденциальность и защита» → «Микрофон» (также «Разрешить классическим приложениям доступ к микрофону»).</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>Не удалось включить микрофон.</translation>
    </message>
    <message>
        <source>The microphone sends only silence. Check that it is connected and not muted, and that NAM Desktop may use it (Windows: Settings → Privacy &amp; security → Microphone; macOS: System Settings → Privacy &amp; Security → Microphone). The recording goes on.</source>
        <translation>С микрофона идёт только тишина. Проверьте, что он подключён и не выключен, и что NAM Desktop разрешено его использовать (Windows: «Параметры» → «Конфиденциальность и защита» → «Микрофон»; macOS: «Системные настройки» → «Конфиденциальность и безопасность» → «Микрофон»). Запись продолжается.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>This file is not a valid recovery file: it is damaged or not what its name says.</source>
        <translation>Это не файл восстановления: он повреждён или не является тем, чем назван.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card has not been imported yet. Import it first (HQ menu → Import HQ key card…).</source>
        <translation>Ключевая карта штаба ещё не импортирована. Сначала импортируйте её (меню «Штаб» → «Импорт ключевой карты штаба…»).</translation>
    </message>
    <message>
        <source>This vault has no HQ recovery slot. Turn it on first (Settings → Travel and backup).</source>
        <translation>У этого хранилища нет слота восстановления через штаб. Сначала включите его («Настройки» → «Поездка и резервная копия»).</translation>
    </message>
    <message>
        <source>The HQ recovery slot was made for an older key card. Turn it on again so that it is made for the current one.</source>
        <translation>Слот восстановления через штаб создан для старой ключевой карты. Включите его заново, чтобы он был создан для текущей.</translation>
    </message>
    <message>
        <source>The signature of this file is not correct: it was altered or is not from who it claims. Nothing was changed.</source>
        <translation>Подпись этого файла неверна: его изменили, или он не от того, кем назван. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The request comes from a device that is not registered at this HQ.</source>
        <translation>Запрос пришёл с устройства, которое не зарегистрировано в этом штабе.</translation>
    </message>
    <message>
        <source>None of this HQ&apos;s keys opens this request: it was made for another HQ.</source>
        <translation>Ни один ключ этого штаба не открывает запрос: он создан для другого штаба.</translation>
    </message>
    <message>
        <source>This request was answered before. Each request is answered once: ask the interviewer for a new one.</source>
        <translation>На этот запрос уже ответили. На каждый запрос отвечают один раз: попросите интервьюера создать новый.</translation>
    </message>
    <message>
        <source>This answer is for another request or another device. Use the answer to the newest request made on this computer.</source>
        <translation>Этот ответ — на другой запрос или для другого устройства. Используйте ответ на последний запрос, созданный на этом компьютере.</translation>
    </message>
    <message>
        <source>No recovery request was made on this computer for this vault, or its answer was already used. Make a new request.</source>
        <translation>На этом компьютере не создавали запрос на восстановление этого хранилища, или ответ на него уже использован. Создайте новый запрос.</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was done.</source>
        <translation>Не подтверждено: ничего не сделано.</translation>
    </message>
    <message>
        <source>Nobody could open this backup: import HQ&apos;s key card, or give the backup a passphrase.</source>
        <translation>Эту копию никто не смог бы открыть: импортируйте ключевую карту штаба или задайте копии парольную фразу.</translation>
    </message>
    <message>
        <source>The chosen folder is not there any more. Was the drive removed?</source>
        <translation>Выбранной папки больше нет. Носитель извлекли?</translation>
    </message>
    <message>
        <source>The chosen drive is read-only. Choose another place.</source>
        <translation>Выбранный носитель доступен только для чтения. Выберите другое место.</translation>
    </message>
    <message>
        <source>The backup cannot be written inside the vault folder. Choose a second drive.</source>
        <translation>Резервную копию нельзя записать в папку хранилища. Выберите другой носитель.</translation>
    </message>
    <message>
        <source>A file of the vault is missing. Run the vault check; nothing was written.</source>
        <translation>Не хватает файла хранилища. Запустите проверку хранилища; ничего не записано.</translation>
    </message>
    <message>
        <source>Writing to the drive failed (removed or faulty?). Nothing was left on it.</source>
        <translation>Запись на носитель не удалась (извлечён или неисправен?). На нём ничего не осталось.</translation>
    </message>
    <message>
        <source>The drive gave back other bytes than were written (faulty?). The backup was removed; try another drive.</source>
        <translation>Носитель вернул не те байты, что были записаны (неисправен?). Копия удалена; попробуйте другой носитель.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Отменено. Ничего не записано.</translation>
    </message>
    <message>
        <source>This is not a backup of a NAM vault, or it was altered.</source>
        <translation>Это не резервная копия хранилища NAM, или её изменили.</translation>
    </message>
    <message>
        <source>The backup is damaged. Nothing was restored.</source>
        <translation>Резервная копия повреждена. Ничего не восстановлено.</translation>
    </message>
    <message>
        <source>The backup is cut short: is a part missing? Nothing was restored.</source>
        <translation>Резервная копия обрывается: не хватает части? Ничего не восстановлено.</translation>
    </message>
    <message>
        <source>Neither HQ&apos;s key nor the backup passphrase opens this backup.</source>
        <translation>Эту копию не открывает ни ключ штаба, ни парольная фраза копии.</translation>
    </message>
    <message>
        <source>The folder is not empty. Choose a new or empty folder.</source>
        <translation>Папка не пуста. Выберите новую или пустую папку.</translation>
    </message>
    <message>
        <source>The HQ recovery slot file is missing or damaged. Turn it on again.</source>
        <translation>Файл слота восстановления через штаб отсутствует или повреждён. Включите слот заново.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Writing the bundle… Do not remove the USB stick.</source>
        <translation>Пакет записывается… Не вынимайте флешку.</translation>
    </message>
    <message>
        <source>Cancelling… removing what was written.</source>
        <translation>Отмена… удаляется то, что уже записано.</translation>
    </message>
    <message>
        <source>The bundle was written, read back and checked.</source>
        <translation>Пакет записан, повторно прочитан и проверен.</translation>
    </message>
    <message>
        <source>File on the destination:</source>
        <translation>Файл на носителе:</translation>
    </message>
    <message>
        <source>Bundle digest (HQ may ask for it):</source>
        <translation>Контрольная сумма пакета (штаб может её спросить):</translation>
    </message>
    <message>
        <source>It is safe to remove the USB stick now.</source>
        <translation>Теперь флешку можно безопасно извлечь.</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished files left on this destination by an earlier, interrupted export were removed.</source>
        <translation>
            <numerusform>Удалён %n незавершённый файл, оставшийся на носителе от прежнего прерванного экспорта.</numerusform>
            <numerusform>Удалено %n незавершённых файла, оставшихся на носителе от прежнего прерванного экспорта.</numerusform>
            <numerusform>Удалено %n незавершённых файлов, оставшихся на носителе от прежнего прерванного экспорта.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished files of an earlier export could not be removed. They hold only encrypted, incomplete data; delete them when the stick is not in use elsewhere.</source>
        <translation>
            <numerusform>Не удалось удалить %n незавершённый файл прежнего экспорта. В нём только зашифрованные неполные данные; удалите его, когда флешка не будет использоваться в другом месте.</numerusform>
            <numerusform>Не удалось удалить %n незавершённых файла прежнего экспорта. В них только зашифрованные неполные данные; удалите их, когда флешка не будет использоваться в другом месте.</numerusform>
            <numerusform>Не удалось удалить %n незавершённых файлов прежнего экспорта. В них только зашифрованные неполные данные; удалите их, когда флешка не будет использоваться в другом месте.</numerusform>
        </translation>
    </message>
    <message>
        <source>This destination also holds a bundle from an earlier, interrupted export (%1). It may be complete: give it to HQ with the new one. HQ accepts or refuses it safely.</source>
        <translation>На этом носителе есть также пакет прежнего прерванного экспорта (%1). Возможно, он полный: передайте его в штаб вместе с новым. Штаб безопасно примет или отклонит его.</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>Пакет не записан.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Ход экспорта</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search all testimonies…</source>
        <translation>Поиск по всем свидетельствам…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
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
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
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
    <message>
        <source>Travel and backup</source>
        <translation>Поездка и резервная копия</translation>
    </message>
</context>
<context>
    <name>ShowToggle</name>
    <message>
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Show what you type, to check it; make sure nobody is looking at the screen.</source>
        <translation>Показать набранное, чтобы проверить; убедитесь, что никто не смотрит на экран.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>macOS started NAM Desktop from a temporary read-only copy (App Translocation). From there it cannot find its portable folder and would keep your data on this Mac, so it does not start.

Move NAM Desktop to the Applications folder and start it from there. For portable use from a USB stick, remove the download mark once: open Terminal and run

xattr -dr com.apple.quarantine &quot;/Volumes/STICK/NAM Desktop.app&quot;

(with the name of your stick), then start NAM Desktop again.</source>
        <translation>macOS запустила NAM Desktop из временной копии только для чтения (App Translocation). Оттуда программа не видит свою переносную папку и хранила бы ваши данные на этом Mac, поэтому она не запускается.

Перенесите NAM Desktop в папку «Программы» и запускайте оттуда. Для переносного режима с флешки один раз снимите отметку о загрузке: откройте «Терминал» и выполните

xattr -dr com.apple.quarantine &quot;/Volumes/STICK/NAM Desktop.app&quot;

(с именем вашей флешки), затем снова запустите NAM Desktop.</translation>
    </message>
    <message>
        <source>NAM Desktop met an unexpected error. What you saved before is safe in the vault; anything typed since the last automatic save may be lost.</source>
        <translation>В NAM Desktop произошла непредвиденная ошибка. Сохранённое раньше в хранилище не пострадало; набранное после последнего автосохранения может быть потеряно.</translation>
    </message>
    <message>
        <source>A short note about the error, without any testimony content, was saved as:</source>
        <translation>Краткая заметка об ошибке (без содержимого свидетельств) сохранена в файле:</translation>
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
        <translation>Только структурированные сведения: виды нарушений, даты, согласие. Никакого свободного текста.</translation>
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
        <source>An attached file failed its integrity check in the vault; the summary says so. Run a vault check.</source>
        <translation>Приложенный файл не прошёл проверку целостности в хранилище; это указано в сводке. Выполните проверку хранилища.</translation>
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
        <translation>Публичная: только структурированные сведения</translation>
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
        <translation>Уровень скрытия данных:</translation>
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
        <source>The summary was saved, signed inside the PDF.

Verification code: %1</source>
        <translation>Сводка сохранена, подпись находится внутри PDF.

Код проверки: %1</translation>
    </message>
    <message>
        <source>The signature uses this device&apos;s own certificate: not yet certified by HQ. HQ certifies the device after it receives a bundle from it; the next key card from HQ brings the certificate.</source>
        <translation>Подпись сделана собственным сертификатом устройства: ещё не сертифицировано штабом. Штаб сертифицирует устройство, получив от него пакет; сертификат придёт со следующей ключевой картой штаба.</translation>
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
    <message>
        <source>Discard changes…</source>
        <translation>Отменить изменения…</translation>
    </message>
    <message>
        <source>Bring back the last final revision and forget the changes made since</source>
        <translation>Вернуть последнюю завершённую редакцию и забыть сделанные после неё изменения</translation>
    </message>
    <message>
        <source>No testimony is open. Choose one in the list, or create one with “New testimony”.</source>
        <translation>Свидетельство не открыто. Выберите его в списке или создайте кнопкой «Новое свидетельство».</translation>
    </message>
    <message>
        <source>Revision %1 was delivered to HQ and stays as it is.</source>
        <translation>Редакция %1 передана в штаб и остаётся неизменной.</translation>
    </message>
    <message>
        <source>Revision %1 is final and stays as it is.</source>
        <translation>Редакция %1 завершена и остаётся неизменной.</translation>
    </message>
    <message>
        <source>Changing anything starts the draft of revision %1; you are asked first.</source>
        <translation>Любое изменение начинает черновик редакции %1; сначала программа спросит вас.</translation>
    </message>
    <message>
        <source>This is the draft of revision %1. Revision %2 was delivered to HQ and stays as it is.</source>
        <translation>Это черновик редакции %1. Редакция %2 передана в штаб и остаётся неизменной.</translation>
    </message>
    <message>
        <source>This is the draft of revision %1. Revision %2 is final and stays as it is.</source>
        <translation>Это черновик редакции %1. Редакция %2 завершена и остаётся неизменной.</translation>
    </message>
    <message>
        <source>Revision %1 is already final: change something to start the next revision.</source>
        <translation>Редакция %1 уже завершена: измените что-нибудь, чтобы начать следующую редакцию.</translation>
    </message>
    <message>
        <source>Revision %1 was delivered to HQ. Change it? Your changes become the draft of revision %2; revision %1 stays as it is, and HQ keeps what it received. You can discard the changes later.</source>
        <translation>Редакция %1 передана в штаб. Изменить её? Ваши изменения станут черновиком редакции %2; редакция %1 останется неизменной, и у штаба останется то, что он получил. Позже изменения можно отменить.</translation>
    </message>
    <message>
        <source>Revision %1 is final. Change it? Your changes become the draft of revision %2; revision %1 stays as it is. You can discard the changes later.</source>
        <translation>Редакция %1 завершена. Изменить её? Ваши изменения станут черновиком редакции %2; редакция %1 останется неизменной. Позже изменения можно отменить.</translation>
    </message>
    <message>
        <source>Start a new revision?</source>
        <translation>Начать новую редакцию?</translation>
    </message>
    <message>
        <source>Start revision %1</source>
        <translation>Начать редакцию %1</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Forget every change made since revision %1 and bring it back as it was? Attached files stay. This cannot be undone.</source>
        <translation>Забыть все изменения, сделанные после редакции %1, и вернуть её в прежнем виде? Приложенные файлы останутся. Это действие нельзя отменить.</translation>
    </message>
    <message numerus="yes">
        <source>a violation type for %n acts (choose it in Acts, or remove the acts)</source>
        <translation>
            <numerusform>вид нарушения для %n эпизода (выберите его в разделе «Эпизоды» или удалите эпизод)</numerusform>
            <numerusform>вид нарушения для %n эпизодов (выберите его в разделе «Эпизоды» или удалите эпизоды)</numerusform>
            <numerusform>вид нарушения для %n эпизодов (выберите его в разделе «Эпизоды» или удалите эпизоды)</numerusform>
        </translation>
    </message>
    <message>
        <source>Revision %1 is already final.</source>
        <translation>Редакция %1 уже завершена.</translation>
    </message>
    <message>
        <source>Open a testimony first: the recording is kept with it.</source>
        <translation>Сначала откройте свидетельство: запись сохраняется вместе с ним.</translation>
    </message>
    <message>
        <source>Consent was withdrawn: nothing may be recorded until it is renewed.</source>
        <translation>Согласие отозвано: записывать нельзя, пока оно не будет возобновлено.</translation>
    </message>
    <message>
        <source>The witness has not agreed to audio recording: tick “audio recording” in the Consent section first.</source>
        <translation>Свидетель не давал согласия на аудиозапись: сначала отметьте пункт «аудиозапись» в разделе «Согласие».</translation>
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
    <message>
        <source>Exported, awaiting receipt</source>
        <translation>Отправлено, ждёт квитанции</translation>
    </message>
    <message>
        <source>Final (rev. %1)</source>
        <extracomment>A status with the revision it is about (&quot;Delivered (rev. 2)&quot;); a draft made from a final or delivered revision keeps saying so (&quot;Draft · delivered (rev. 2)&quot;).</extracomment>
        <translation>Завершено (ред. %1)</translation>
    </message>
    <message>
        <source>Delivered (rev. %1)</source>
        <translation>Передано (ред. %1)</translation>
    </message>
    <message>
        <source>Draft · final (rev. %1)</source>
        <translation>Черновик · завершено (ред. %1)</translation>
    </message>
    <message>
        <source>Draft · delivered (rev. %1)</source>
        <translation>Черновик · передано (ред. %1)</translation>
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
        <translation>Перенаправление (к специалистам):</translation>
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
    <name>TravelDialog</name>
    <message>
        <source>TRAVEL</source>
        <translation>ПОЕЗДКА</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>Подготовка к поездке</translation>
    </message>
    <message>
        <source>Travel mode destroys the passphrase keys of this vault on this computer. After it, no passphrase opens the vault here, not even yours: you cannot be forced to open it. Everything in it stays encrypted and untouched.

To open it again, start the app: it offers to make a recovery request. Give the request file to HQ by any channel and read HQ the request code through another channel (in person or by phone). HQ&apos;s answer opens the vault with a new passphrase.

Whoever gets HQ to answer can open the vault: HQ answers only when it is sure the request is yours. The app closes when travel mode is ready.</source>
        <translation>Режим поездки уничтожает ключи парольной фразы этого хранилища на этом компьютере. После этого здесь хранилище не откроет никакая парольная фраза, даже ваша: вас невозможно заставить его открыть. Всё содержимое остаётся зашифрованным и нетронутым.

Чтобы снова открыть хранилище, запустите программу: она предложит создать запрос на восстановление. Передайте файл запроса штабу любым способом и продиктуйте штабу код запроса по другому каналу (лично или по телефону). Ответ штаба откроет хранилище с новой парольной фразой.

Тот, кто добьётся ответа штаба, сможет открыть хранилище: штаб отвечает, только когда уверен, что запрос ваш. Когда режим поездки будет включён, программа закроется.</translation>
    </message>
    <message>
        <source>Travel without the vault</source>
        <translation>Поехать без хранилища</translation>
    </message>
    <message>
        <source>The vault is first written as an encrypted backup to a second drive and read back; then it is removed from this computer (its keys first, then its files). Carry or send the drive separately.</source>
        <translation>Сначала хранилище записывается зашифрованной резервной копией на второй носитель и проверяется чтением; затем оно удаляется с этого компьютера (сначала ключи, потом файлы). Везите или передайте носитель отдельно.</translation>
    </message>
    <message>
        <source>To confirm, type %1:</source>
        <translation>Для подтверждения введите %1:</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Слово подтверждения</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>TravelSettingsTab</name>
    <message>
        <source>HQ recovery slot</source>
        <translation>Восстановление через штаб</translation>
    </message>
    <message>
        <source>The HQ recovery slot locks a copy of this vault&apos;s key with HQ&apos;s key (from the key card). With it, HQ can open this vault if it gets its files, and can give you access back when you forget the passphrase or after travel mode. Without it, nobody can. It is made again for each new key card.</source>
        <translation>Слот восстановления через штаб запирает копию ключа этого хранилища ключом штаба (из ключевой карты). С ним штаб сможет открыть это хранилище, если получит его файлы, и сможет вернуть вам доступ, если вы забудете парольную фразу или после режима поездки. Без него этого не сможет никто. Слот создаётся заново для каждой новой ключевой карты.</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>Before crossing a border: make the vault impossible to open on this computer, even for you, until HQ gives access back.</source>
        <translation>Перед пересечением границы: сделать так, чтобы хранилище невозможно было открыть на этом компьютере, даже вам, пока штаб не вернёт доступ.</translation>
    </message>
    <message>
        <source>Prepare for travel…</source>
        <translation>Подготовиться к поездке…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>An encrypted copy of the whole vault on another drive, which HQ (and, if you choose, a backup passphrase) can open.</source>
        <translation>Зашифрованная копия всего хранилища на другом носителе; её может открыть штаб (и, если вы решите, парольная фраза копии).</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Создать резервную копию…</translation>
    </message>
    <message>
        <source>Panic lock</source>
        <translation>Экстренная блокировка</translation>
    </message>
    <message>
        <source>%1 or the Hide button locks the vault at once, from anywhere in the app, and empties the clipboard if it holds something copied here. Nothing is deleted.</source>
        <translation>%1 или кнопка «Скрыть» сразу блокирует хранилище из любого места программы и очищает буфер обмена, если в нём то, что скопировано здесь. Ничего не удаляется.</translation>
    </message>
    <message>
        <source>Then minimise the window and give it a neutral title</source>
        <translation>Затем свернуть окно и дать ему нейтральный заголовок</translation>
    </message>
    <message>
        <source>Off: nobody but you can open this vault.</source>
        <translation>Выключено: никто, кроме вас, не может открыть это хранилище.</translation>
    </message>
    <message>
        <source>On, for HQ&apos;s current key card.</source>
        <translation>Включено, для текущей ключевой карты штаба.</translation>
    </message>
    <message>
        <source>On, but not for HQ&apos;s current key card, or its file is damaged: turn it on again.</source>
        <translation>Включено, но не для текущей ключевой карты штаба, или его файл повреждён: включите заново.</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>Выключить…</translation>
    </message>
    <message>
        <source>Turn on…</source>
        <translation>Включить…</translation>
    </message>
    <message>
        <source>Turn off the HQ recovery slot? HQ will no longer be able to give you access back, and travel mode will not be possible.</source>
        <translation>Выключить восстановление через штаб? Штаб больше не сможет вернуть вам доступ, и режим поездки станет невозможен.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Выключить</translation>
    </message>
    <message>
        <source>Turn on the HQ recovery slot?</source>
        <translation>Включить восстановление через штаб?</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Включить</translation>
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
    <name>UwaziMessages</name>
    <message>
        <source>The mapping names a template the snapshot does not have</source>
        <translation>В сопоставлении указан шаблон, которого нет в снимке</translation>
    </message>
    <message>
        <source>No property of the template has this name</source>
        <translation>В шаблоне нет свойства с таким именем</translation>
    </message>
    <message>
        <source>Uwazi would read this column under another name</source>
        <translation>Uwazi прочитает этот столбец под другим именем</translation>
    </message>
    <message>
        <source>The column appears twice</source>
        <translation>Столбец встречается дважды</translation>
    </message>
    <message>
        <source>The property&apos;s type cannot hold this NAM field</source>
        <translation>Тип свойства не подходит для этого поля NAM</translation>
    </message>
    <message>
        <source>Language columns and a plain column for the same property</source>
        <translation>Языковые столбцы и обычный столбец для одного свойства</translation>
    </message>
    <message>
        <source>This property type takes no language columns</source>
        <translation>Для этого типа свойства языковые столбцы не допускаются</translation>
    </message>
    <message>
        <source>Language columns without the collection&apos;s default language</source>
        <translation>Языковые столбцы без основного языка коллекции</translation>
    </message>
    <message>
        <source>The language is not installed in the Uwazi collection</source>
        <translation>Этот язык не установлен в коллекции Uwazi</translation>
    </message>
    <message>
        <source>A required property would stay empty</source>
        <translation>Обязательное свойство осталось бы пустым</translation>
    </message>
    <message>
        <source>The title is missing</source>
        <translation>Нет заголовка</translation>
    </message>
    <message>
        <source>The value is not in the thesaurus (Uwazi would add it silently)</source>
        <translation>Значения нет в тезаурусе (Uwazi молча добавил бы его)</translation>
    </message>
    <message>
        <source>A thesaurus group used as a value (Uwazi refuses the row)</source>
        <translation>Группа тезауруса использована как значение (Uwazi отклонит строку)</translation>
    </message>
    <message>
        <source>More than one &quot;::&quot; in a thesaurus value</source>
        <translation>Больше одного «::» в значении тезауруса</translation>
    </message>
    <message>
        <source>&quot;|&quot; or &quot;::&quot; inside one value: Uwazi would split it</source>
        <translation>«|» или «::» внутри одного значения: Uwazi разделил бы его</translation>
    </message>
    <message>
        <source>Uwazi would read this date differently</source>
        <translation>Uwazi прочитал бы эту дату иначе</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Не число</translation>
    </message>
    <message>
        <source>A position must be latitude|longitude</source>
        <translation>Координаты должны быть в виде широта|долгота</translation>
    </message>
    <message>
        <source>Latitude or longitude out of range</source>
        <translation>Широта или долгота вне допустимых пределов</translation>
    </message>
    <message>
        <source>A file named in the row is not in the package</source>
        <translation>Файла, указанного в строке, нет в пакете</translation>
    </message>
    <message>
        <source>Two files would have the same name</source>
        <translation>У двух файлов было бы одинаковое имя</translation>
    </message>
    <message>
        <source>A file name that is not plain ASCII</source>
        <translation>Имя файла не из простых символов ASCII</translation>
    </message>
    <message>
        <source>A related act is not in the act package (Uwazi would create an empty one)</source>
        <translation>Связанного эпизода нет в пакете эпизодов (Uwazi создал бы пустой)</translation>
    </message>
    <message>
        <source>Two acts have the same title</source>
        <translation>У двух эпизодов одинаковый заголовок</translation>
    </message>
    <message>
        <source>import.csv would not read back as written</source>
        <translation>import.csv не читается так, как был записан</translation>
    </message>
    <message>
        <source>The row and its files exceed one Uwazi upload (50 MB)</source>
        <translation>Строка с её файлами превышает одну загрузку в Uwazi (50 МБ)</translation>
    </message>
    <message>
        <source>never finalised</source>
        <translation>не завершено</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>согласие отозвано</translation>
    </message>
    <message>
        <source>no consent to documentation</source>
        <translation>нет согласия на документирование</translation>
    </message>
    <message>
        <source>no consent to anonymous publication</source>
        <translation>нет согласия на анонимную публикацию</translation>
    </message>
    <message>
        <source>the witness&apos;s name or contacts appear in the text</source>
        <translation>в тексте встречаются имя или контакты свидетеля</translation>
    </message>
    <message>
        <source>file without a cleaned version</source>
        <translation>файл без очищенной копии</translation>
    </message>
    <message>
        <source>interview recording (not sent to Uwazi)</source>
        <translation>запись интервью (в Uwazi не передаётся)</translation>
    </message>
    <message>
        <source>files too large for one Uwazi upload</source>
        <translation>файлы слишком велики для одной загрузки в Uwazi</translation>
    </message>
    <message>
        <source>The snapshot folder must hold templates.json, dictionaries.json and settings.json exactly as the Uwazi API returned them.</source>
        <translation>В папке снимка должны быть templates.json, dictionaries.json и settings.json в точности такими, какими их вернул API Uwazi.</translation>
    </message>
    <message>
        <source>Choose the snapshot folder: none is stored yet.</source>
        <translation>Выберите папку снимка: сохранённого снимка ещё нет.</translation>
    </message>
    <message>
        <source>The mapping file is not valid (see docs/uwazi.md).</source>
        <translation>Файл сопоставления неверен (см. docs/uwazi.md).</translation>
    </message>
    <message>
        <source>The packages would not import as meant. Nothing was written.</source>
        <translation>Пакеты импортировались бы не так, как задумано. Ничего не записано.</translation>
    </message>
    <message>
        <source>The output folder cannot be used.</source>
        <translation>Эту папку нельзя использовать.</translation>
    </message>
    <message>
        <source>The output folder could not be written (full or removed?). Nothing was kept.</source>
        <translation>Не удалось записать в папку (диск заполнен или извлечён?). Ничего не сохранено.</translation>
    </message>
    <message>
        <source>A record or file in the vault does not match its recorded hash. Run a vault check.</source>
        <translation>Запись или файл в хранилище не совпадает со своим хешем. Проверьте хранилище.</translation>
    </message>
    <message>
        <source>That export is not known.</source>
        <translation>Такой экспорт неизвестен.</translation>
    </message>
    <message>
        <source>This needs an HQ vault.</source>
        <translation>Для этого нужно хранилище штаба.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was kept.</source>
        <translation>Отменено. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>first snapshot</source>
        <translation>первый снимок</translation>
    </message>
    <message>
        <source>template added</source>
        <translation>шаблон добавлен</translation>
    </message>
    <message>
        <source>template removed</source>
        <translation>шаблон удалён</translation>
    </message>
    <message>
        <source>property added</source>
        <translation>свойство добавлено</translation>
    </message>
    <message>
        <source>property removed</source>
        <translation>свойство удалено</translation>
    </message>
    <message>
        <source>property renamed</source>
        <translation>свойство переименовано</translation>
    </message>
    <message>
        <source>property type changed</source>
        <translation>тип свойства изменён</translation>
    </message>
    <message>
        <source>property points elsewhere</source>
        <translation>свойство ссылается на другое</translation>
    </message>
    <message>
        <source>thesaurus added</source>
        <translation>тезаурус добавлен</translation>
    </message>
    <message>
        <source>thesaurus removed</source>
        <translation>тезаурус удалён</translation>
    </message>
    <message>
        <source>value added</source>
        <translation>значение добавлено</translation>
    </message>
    <message>
        <source>value removed</source>
        <translation>значение удалено</translation>
    </message>
    <message>
        <source>language added</source>
        <translation>язык добавлен</translation>
    </message>
    <message>
        <source>language removed</source>
        <translation>язык удалён</translation>
    </message>
    <message>
        <source>default language changed</source>
        <translation>основной язык изменён</translation>
    </message>
    <message>
        <source>date format changed</source>
        <translation>формат даты изменён</translation>
    </message>
    <message>
        <source>property naming changed</source>
        <translation>именование свойств изменено</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Эпизоды</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Свидетельства</translation>
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
        <translation>Это хранилище ждёт доступа от штаба</translation>
    </message>
    <message>
        <source>No passphrase opens it on this computer. To open it again:
1. Make a recovery request and give the file to HQ, by any channel.
2. Read HQ the request code through another channel: in person, or in a call.
3. Open HQ&apos;s answer here and choose a new passphrase.</source>
        <translation>На этом компьютере его не открывает никакая парольная фраза. Чтобы открыть его снова:
1. Создайте запрос на восстановление и передайте файл штабу любым способом.
2. Продиктуйте штабу код запроса по другому каналу: лично или по телефону.
3. Откройте здесь ответ штаба и выберите новую парольную фразу.</translation>
    </message>
    <message>
        <source>Make a recovery request…</source>
        <translation>Создать запрос на восстановление…</translation>
    </message>
    <message>
        <source>Open HQ&apos;s answer…</source>
        <translation>Открыть ответ штаба…</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Open another vault…</source>
        <translation>Открыть другое хранилище…</translation>
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
        <source>Where to save the recovery request</source>
        <translation>Куда сохранить запрос на восстановление</translation>
    </message>
    <message>
        <source>The request was saved as %1. Give it to HQ, then read them this request code through another channel. Only the newest request can be answered.</source>
        <translation>Запрос сохранён как %1. Передайте его штабу, затем продиктуйте этот код запроса по другому каналу. Ответить можно только на последний запрос.</translation>
    </message>
    <message>
        <source>HQ&apos;s answer</source>
        <translation>Ответ штаба</translation>
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
