<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActsSection</name>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Date, until, precision:</source>
        <translation>Date, until, precision:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Victims:</source>
        <translation>Victims:</translation>
    </message>
    <message>
        <source>Status afterwards:</source>
        <translation>Status afterwards:</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>What happened:</translation>
    </message>
    <message>
        <source>Perpetrators:</source>
        <translation>Perpetrators:</translation>
    </message>
    <message>
        <source>Add act</source>
        <translation>Add act</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Add perpetrator</source>
        <translation>Add perpetrator</translation>
    </message>
    <message>
        <source>Search violation types…</source>
        <translation>Search violation types…</translation>
    </message>
    <message>
        <source>Search violation types</source>
        <translation>Search violation types</translation>
    </message>
    <message>
        <source>Violation type</source>
        <translation>Violation type</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Acts</translation>
    </message>
    <message>
        <source>Date of the act</source>
        <translation>Date of the act</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Precision of the date</source>
        <translation>Precision of the date</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>exact day</source>
        <translation>exact day</translation>
    </message>
    <message>
        <source>month</source>
        <translation>month</translation>
    </message>
    <message>
        <source>year</source>
        <translation>year</translation>
    </message>
    <message>
        <source>range</source>
        <translation>range</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Choose the violation type of this act first: the rest of the form opens once it is chosen.</source>
        <translation>Choose the violation type of this act first: the rest of the form opens once it is chosen.</translation>
    </message>
    <message>
        <source>(no type yet)</source>
        <translation>(no type yet)</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Some unfinished files in the vault folder are held by another program (an antivirus?); they hold nothing readable and are removed next time.</source>
        <translation>Some unfinished files in the vault folder are held by another program (an antivirus?); they hold nothing readable and are removed next time.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Changes that could not be saved before the app locked are kept, encrypted, only until you unlock their vault. If you quit now, they are lost. Quit anyway?</source>
        <translation>Changes that could not be saved before the app locked are kept, encrypted, only until you unlock their vault. If you quit now, they are lost. Quit anyway?</translation>
    </message>
    <message>
        <source>Your last changes could not be saved: %1
If you quit now, they are lost. Quit anyway?</source>
        <translation>Your last changes could not be saved: %1
If you quit now, they are lost. Quit anyway?</translation>
    </message>
    <message>
        <source>Quit and lose the changes</source>
        <translation>Quit and lose the changes</translation>
    </message>
    <message>
        <source>Your last changes could not be saved before the app locked:</source>
        <translation>Your last changes could not be saved before the app locked:</translation>
    </message>
    <message>
        <source>They are kept, encrypted, until you unlock the vault, and saved then. Do not quit the app before that.</source>
        <translation>They are kept, encrypted, until you unlock the vault, and saved then. Do not quit the app before that.</translation>
    </message>
    <message>
        <source>The changes kept since locking were put back and saved.</source>
        <translation>The changes kept since locking were put back and saved.</translation>
    </message>
    <message>
        <source>Changes not saved yet</source>
        <translation>Changes not saved yet</translation>
    </message>
    <message>
        <source>The changes kept since locking are back in the editor, but they still cannot be saved: %1</source>
        <translation>The changes kept since locking are back in the editor, but they still cannot be saved: %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>Prepare for travel</translation>
    </message>
    <message>
        <source>The vault was removed from this computer; its backup is on the drive you chose. The app closes now.</source>
        <translation>The vault was removed from this computer; its backup is on the drive you chose. The app closes now.</translation>
    </message>
    <message>
        <source>Travel mode is ready: no passphrase opens this vault on this computer now. To get it back, start the app and make a recovery request for HQ. The app closes now.</source>
        <translation>Travel mode is ready: no passphrase opens this vault on this computer now. To get it back, start the app and make a recovery request for HQ. The app closes now.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>or drop files here</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Metadata report</source>
        <translation>Metadata report</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <source>Progress of adding files</source>
        <translation>Progress of adding files</translation>
    </message>
    <message>
        <source>removed, verified</source>
        <translation>removed, verified</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>could not be removed</source>
        <translation>could not be removed</translation>
    </message>
    <message>
        <source>identifying</source>
        <translation>identifying</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>sensitive</translation>
    </message>
    <message>
        <source>harmless</source>
        <translation>harmless</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Metadata: %1</translation>
    </message>
    <message>
        <source>The item-by-item report stayed on the interviewer&apos;s device.</source>
        <translation>The item-by-item report stayed on the interviewer&apos;s device.</translation>
    </message>
    <message>
        <source>Before cleaning</source>
        <translation>Before cleaning</translation>
    </message>
    <message>
        <source>After cleaning</source>
        <translation>After cleaning</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>SHA-256 of the original: %1</source>
        <translation>SHA-256 of the original: %1</translation>
    </message>
    <message>
        <source>SHA-256 after cleaning: %1</source>
        <translation>SHA-256 after cleaning: %1</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Loading preview…</translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation>No preview for this type of file.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>Some files were not added</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Remove “%1” from this testimony? Both versions are destroyed and cannot be restored.</source>
        <translation>Remove “%1” from this testimony? Both versions are destroyed and cannot be restored.</translation>
    </message>
    <message>
        <source>Record interview…</source>
        <translation>Record interview…</translation>
    </message>
    <message>
        <source>Hide technical details</source>
        <translation>Hide technical details</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>Show technical details</translation>
    </message>
    <message>
        <source>Metadata report in plain words</source>
        <translation>Metadata report in plain words</translation>
    </message>
    <message>
        <source>This file was kept on the interviewer&apos;s device, not sent: only its name, hashes and the result of the check came with the testimony.</source>
        <translation>This file was kept on the interviewer&apos;s device, not sent: only its name, hashes and the result of the check came with the testimony.</translation>
    </message>
    <message>
        <source>This file&apos;s content was destroyed on this computer after HQ confirmed receiving it; its name and hashes stay as a record.</source>
        <translation>This file&apos;s content was destroyed on this computer after HQ confirmed receiving it; its name and hashes stay as a record.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the vault</source>
        <translation>Back up the vault</translation>
    </message>
    <message>
        <source>The whole vault (testimonies, files, the audit log and the keys that open it) is written as one encrypted file to another drive, then read back to check it. Keep the drive apart from this computer.</source>
        <translation>The whole vault (testimonies, files, the audit log and the keys that open it) is written as one encrypted file to another drive, then read back to check it. Keep the drive apart from this computer.</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The backup was written and read back: %1 on %2.</source>
        <translation>The backup was written and read back: %1 on %2.</translation>
    </message>
    <message numerus="yes">
        <source>It holds %n files of the vault.</source>
        <translation>
            <numerusform>It holds %n file of the vault.</numerusform>
            <numerusform>It holds %n files of the vault.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep %1 with it: the backup passphrase opens it.</source>
        <translation>Keep %1 with it: the backup passphrase opens it.</translation>
    </message>
</context>
<context>
    <name>BackupTargetBox</name>
    <message>
        <source>Choose the drive…</source>
        <translation>Choose the drive…</translation>
    </message>
    <message>
        <source>Also protect the backup with its own passphrase</source>
        <translation>Also protect the backup with its own passphrase</translation>
    </message>
    <message>
        <source>HQ&apos;s key always opens the backup. With its own passphrase you can also restore it yourself; without one, only HQ can. The vault inside still needs its own passphrase.</source>
        <translation>HQ&apos;s key always opens the backup. With its own passphrase you can also restore it yourself; without one, only HQ can. The vault inside still needs its own passphrase.</translation>
    </message>
    <message>
        <source>Backup passphrase:</source>
        <translation>Backup passphrase:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>No drive chosen yet.</source>
        <translation>No drive chosen yet.</translation>
    </message>
    <message>
        <source>Where to write the backup</source>
        <translation>Where to write the backup</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Everything is ready. Press Export to write the bundle.</source>
        <translation>Everything is ready. Press Export to write the bundle.</translation>
    </message>
    <message>
        <source>The bundle cannot be written until the problems above are solved. Go back to change your choice, or solve them and press &quot;Check again&quot;.</source>
        <translation>The bundle cannot be written until the problems above are solved. Go back to change your choice, or solve them and press &quot;Check again&quot;.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message numerus="yes">
        <source>%n testimonies chosen.</source>
        <translation>
            <numerusform>%n testimony chosen.</numerusform>
            <numerusform>%n testimonies chosen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of them can be sent; the problems below say why not the others.</source>
        <translation>%1 of them can be sent; the problems below say why not the others.</translation>
    </message>
    <message>
        <source>Size: about %1. Free on the destination: %2.</source>
        <translation>Size: about %1. Free on the destination: %2.</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>no consent to send</source>
        <translation>no consent to send</translation>
    </message>
    <message>
        <source>This vault does not keep original files (Settings → Files), so only the cleaned copies can be sent.</source>
        <translation>This vault does not keep original files (Settings → Files), so only the cleaned copies can be sent.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card asks for cleaned copies only.</source>
        <translation>HQ&apos;s key card asks for cleaned copies only.</translation>
    </message>
    <message>
        <source>By default only the cleaned copies are sent: hidden information such as location, camera serial number or author names has been removed from them. Originals still contain it. Send them only if HQ needs them to show that a file is authentic.</source>
        <translation>By default only the cleaned copies are sent: hidden information such as location, camera serial number or author names has been removed from them. Originals still contain it. Send them only if HQ needs them to show that a file is authentic.</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>What to send</translation>
    </message>
    <message>
        <source>Final testimonies not yet delivered to HQ are chosen. Drafts and testimonies without consent cannot be sent.</source>
        <translation>Final testimonies not yet delivered to HQ are chosen. Drafts and testimonies without consent cannot be sent.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Interview date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Testimonies to send</source>
        <translation>Testimonies to send</translation>
    </message>
    <message>
        <source>Include the original files</source>
        <translation>Include the original files</translation>
    </message>
    <message>
        <source>Include the witnesses&apos; identity</source>
        <translation>Include the witnesses&apos; identity</translation>
    </message>
    <message>
        <source>Name, birth date, contacts and documents stay on this computer unless you tick this. Send them only when HQ asked for them and the witness agreed.</source>
        <translation>Name, birth date, contacts and documents stay on this computer unless you tick this. Send them only when HQ asked for them and the witness agreed.</translation>
    </message>
    <message>
        <source>Testimonies chosen: %1 of %2.</source>
        <translation>Testimonies chosen: %1 of %2.</translation>
    </message>
    <message>
        <source>Nothing is chosen: tick at least one testimony to go on.</source>
        <translation>Nothing is chosen: tick at least one testimony to go on.</translation>
    </message>
</context>
<context>
    <name>CleanAgainAction</name>
    <message>
        <source>Remove the comments and notes, then clean again…</source>
        <translation>Remove the comments and notes, then clean again…</translation>
    </message>
    <message>
        <source>“%1” could not be cleaned because of what people wrote in it. The cleaned copy will be made without:</source>
        <translation>“%1” could not be cleaned because of what people wrote in it. The cleaned copy will be made without:</translation>
    </message>
    <message>
        <source>The original is no longer in the vault: you will be asked for the file again. It must be the very same file (its SHA-256 is checked).</source>
        <translation>The original is no longer in the vault: you will be asked for the file again. It must be the very same file (its SHA-256 is checked).</translation>
    </message>
    <message>
        <source>The original stays in the vault unchanged, with its hash.</source>
        <translation>The original stays in the vault unchanged, with its hash.</translation>
    </message>
    <message>
        <source>This vault does not keep originals: once the cleaned copy is verified, the original is destroyed on this computer; its hash stays as the record.</source>
        <translation>This vault does not keep originals: once the cleaned copy is verified, the original is destroyed on this computer; its hash stays as the record.</translation>
    </message>
    <message>
        <source>Remove comments and notes</source>
        <translation>Remove comments and notes</translation>
    </message>
    <message>
        <source>Remove and clean again</source>
        <translation>Remove and clean again</translation>
    </message>
    <message>
        <source>Choose the original of “%1” again</source>
        <translation>Choose the original of “%1” again</translation>
    </message>
    <message>
        <source>Could not clean the file again</source>
        <translation>Could not clean the file again</translation>
    </message>
    <message>
        <source>The file still could not be cleaned: something other than comments or notes is in the way (see the technical details). Nothing was changed.</source>
        <translation>The file still could not be cleaned: something other than comments or notes is in the way (see the technical details). Nothing was changed.</translation>
    </message>
    <message>
        <source>This is not the original file: its SHA-256 differs from the one recorded when it was attached. Nothing was changed.</source>
        <translation>This is not the original file: its SHA-256 differs from the one recorded when it was attached. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consent given on:</source>
        <extracomment>The purposes read as one sentence under &quot;The witness agrees to&quot;; the last flag is a request of the witness, not a purpose, and stands on its own.</extracomment>
        <translation>Consent given on:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>documentation by HQ</source>
        <translation>documentation by HQ</translation>
    </message>
    <message>
        <source>anonymous publication</source>
        <translation>anonymous publication</translation>
    </message>
    <message>
        <source>use in legal proceedings</source>
        <translation>use in legal proceedings</translation>
    </message>
    <message>
        <source>audio recording</source>
        <translation>audio recording</translation>
    </message>
    <message>
        <source>The witness asks to stay anonymous</source>
        <translation>The witness asks to stay anonymous</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Oral</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Record withdrawal of consent…</source>
        <translation>Record withdrawal of consent…</translation>
    </message>
    <message>
        <source>Record renewed consent…</source>
        <translation>Record renewed consent…</translation>
    </message>
    <message>
        <source>Consent was withdrawn on %1.</source>
        <translation>Consent was withdrawn on %1.</translation>
    </message>
    <message>
        <source>The witness agrees to:</source>
        <translation>The witness agrees to:</translation>
    </message>
    <message>
        <source>being contacted again</source>
        <translation>being contacted again</translation>
    </message>
    <message>
        <source>Note for a withdrawal or renewal (optional): how and why, e.g. “by phone, fears for family”</source>
        <translation>Note for a withdrawal or renewal (optional): how and why, e.g. “by phone, fears for family”</translation>
    </message>
    <message>
        <source>Note for a withdrawal or renewal</source>
        <translation>Note for a withdrawal or renewal</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Year, year and month, or full date: 2020, 2020-08, 2020-08-12</source>
        <translation>Year, year and month, or full date: 2020, 2020-08, 2020-08-12</translation>
    </message>
</context>
<context>
    <name>DestinationPage</name>
    <message>
        <source>%1 — %2 free, %3</source>
        <translation>%1 — %2 free, %3</translation>
    </message>
    <message>
        <source>unknown file system</source>
        <translation>unknown file system</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>Where to write the bundle</source>
        <translation>Where to write the bundle</translation>
    </message>
    <message>
        <source>Plug in the USB stick you will carry to HQ and choose it. The bundle is encrypted for HQ: whoever finds the stick cannot read it.</source>
        <translation>Plug in the USB stick you will carry to HQ and choose it. The bundle is encrypted for HQ: whoever finds the stick cannot read it.</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press &quot;Look again&quot;, or choose a folder.</source>
        <translation>No USB stick found. Plug one in and press &quot;Look again&quot;, or choose a folder.</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Look again</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>Choose where to write the bundle in the list above to go on.</source>
        <translation>Choose where to write the bundle in the list above to go on.</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Creating the vault…</source>
        <translation>Creating the vault…</translation>
    </message>
    <message>
        <source>The vault is ready. This is the fingerprint of this device:</source>
        <translation>The vault is ready. This is the fingerprint of this device:</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Read it to HQ over a trusted channel (a call, in person). HQ compares it with the fingerprint on your bundles.</source>
        <translation>Read it to HQ over a trusted channel (a call, in person). HQ compares it with the fingerprint on your bundles.</translation>
    </message>
    <message>
        <source>HQ station</source>
        <translation>HQ station</translation>
    </message>
    <message>
        <source>Tell it to every interviewer in person or by phone: they compare it with the key card you give them. Write key cards from the HQ window&apos;s toolbar.</source>
        <translation>Tell it to every interviewer in person or by phone: they compare it with the key card you give them. Write key cards from the HQ window&apos;s toolbar.</translation>
    </message>
    <message>
        <source>The HQ station is ready. This is HQ&apos;s root fingerprint:</source>
        <translation>The HQ station is ready. This is HQ&apos;s root fingerprint:</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>This is an HQ vault. Bundles for HQ are made on an interviewer&apos;s computer.</source>
        <translation>This is an HQ vault. Bundles for HQ are made on an interviewer&apos;s computer.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card has not been imported yet, so there is nobody to encrypt the bundle for. Import it first (HQ menu → Import HQ key card…).</source>
        <translation>HQ&apos;s key card has not been imported yet, so there is nobody to encrypt the bundle for. Import it first (HQ menu → Import HQ key card…).</translation>
    </message>
    <message>
        <source>HQ&apos;s key card holds a key that cannot be used. Ask HQ for a new key card.</source>
        <translation>HQ&apos;s key card holds a key that cannot be used. Ask HQ for a new key card.</translation>
    </message>
    <message>
        <source>Nothing can be sent: none of the chosen testimonies is final with consent to documentation by HQ.</source>
        <translation>Nothing can be sent: none of the chosen testimonies is final with consent to documentation by HQ.</translation>
    </message>
    <message>
        <source>A chosen testimony no longer exists in the vault.</source>
        <translation>A chosen testimony no longer exists in the vault.</translation>
    </message>
    <message>
        <source>%1: this testimony is a draft. Finalise it before sending it to HQ.</source>
        <translation>%1: this testimony is a draft. Finalise it before sending it to HQ.</translation>
    </message>
    <message>
        <source>%1: the witness withdrew consent. This testimony must not be sent.</source>
        <translation>%1: the witness withdrew consent. This testimony must not be sent.</translation>
    </message>
    <message>
        <source>%1: the witness did not consent to documentation by HQ. This testimony must not be sent.</source>
        <translation>%1: the witness did not consent to documentation by HQ. This testimony must not be sent.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card asks for cleaned copies only. Untick &quot;Include the original files&quot;.</source>
        <translation>HQ&apos;s key card asks for cleaned copies only. Untick &quot;Include the original files&quot;.</translation>
    </message>
    <message>
        <source>%1: a file that could not be cleaned will be described but not sent.</source>
        <translation>%1: a file that could not be cleaned will be described but not sent.</translation>
    </message>
    <message>
        <source>The destination is not there any more. Was the USB stick removed? Plug it in and choose it again.</source>
        <translation>The destination is not there any more. Was the USB stick removed? Plug it in and choose it again.</translation>
    </message>
    <message>
        <source>The destination is read-only. Check the lock switch on the USB stick or choose another place.</source>
        <translation>The destination is read-only. Check the lock switch on the USB stick or choose another place.</translation>
    </message>
    <message>
        <source>%1: a field of this testimony holds a value that cannot be sent (for example a date that does not exist). Open it, correct the dates and finalise it again.</source>
        <translation>%1: a field of this testimony holds a value that cannot be sent (for example a date that does not exist). Open it, correct the dates and finalise it again.</translation>
    </message>
    <message>
        <source>Not enough free space on the destination: about %1 is needed, %2 is free. Free some space or use a bigger USB stick.</source>
        <translation>Not enough free space on the destination: about %1 is needed, %2 is free. Free some space or use a bigger USB stick.</translation>
    </message>
    <message>
        <source>Writing to the destination failed: the USB stick may have been removed, be full or be faulty. Nothing was lost: the testimonies are still in the vault and no unfinished file was left behind. Plug the stick in again and retry.</source>
        <translation>Writing to the destination failed: the USB stick may have been removed, be full or be faulty. Nothing was lost: the testimonies are still in the vault and no unfinished file was left behind. Plug the stick in again and retry.</translation>
    </message>
    <message>
        <source>The bundle read back from the destination differs from what was written: the USB stick is faulty. The file was removed; nothing was lost. Use another stick.</source>
        <translation>The bundle read back from the destination differs from what was written: the USB stick is faulty. The file was removed; nothing was lost. Use another stick.</translation>
    </message>
    <message>
        <source>An attached file in the vault is damaged or was altered, so the export was stopped and nothing was written. Run a vault check.</source>
        <translation>An attached file in the vault is damaged or was altered, so the export was stopped and nothing was written. Run a vault check.</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written and nothing was lost.</source>
        <translation>The export was cancelled. Nothing was written and nothing was lost.</translation>
    </message>
    <message>
        <source>This is not a valid HQ key card, or its signature does not match its content: it may have been altered on the way. It was not imported. Ask HQ for a new one.</source>
        <translation>This is not a valid HQ key card, or its signature does not match its content: it may have been altered on the way. It was not imported. Ask HQ for a new one.</translation>
    </message>
    <message>
        <source>This key card is signed by a different HQ key than the one you trusted before. It was not imported. Do not use it, and tell HQ through a trusted channel.</source>
        <translation>This key card is signed by a different HQ key than the one you trusted before. It was not imported. Do not use it, and tell HQ through a trusted channel.</translation>
    </message>
    <message>
        <source>This key card is older than the one already in use. It was not imported.</source>
        <translation>This key card is older than the one already in use. It was not imported.</translation>
    </message>
    <message>
        <source>This receipt is not valid: it is damaged, not signed by your HQ, or meant for another device. Nothing was changed.</source>
        <translation>This receipt is not valid: it is damaged, not signed by your HQ, or meant for another device. Nothing was changed.</translation>
    </message>
    <message>
        <source>This cannot be done in this kind of vault (HQ or interviewer).</source>
        <translation>This cannot be done in this kind of vault (HQ or interviewer).</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet.</source>
        <translation>This HQ vault has no HQ keys yet.</translation>
    </message>
    <message>
        <source>The file is damaged or is not a NAM Desktop bundle.</source>
        <translation>The file is damaged or is not a NAM Desktop bundle.</translation>
    </message>
    <message>
        <source>The file is larger than the format allows.</source>
        <translation>The file is larger than the format allows.</translation>
    </message>
    <message>
        <source>This file was made by a newer version of NAM Desktop. Update NAM Desktop to read it.</source>
        <translation>This file was made by a newer version of NAM Desktop. Update NAM Desktop to read it.</translation>
    </message>
    <message>
        <source>The parts of this bundle contradict each other: faulty or tampered software made it.</source>
        <translation>The parts of this bundle contradict each other: faulty or tampered software made it.</translation>
    </message>
    <message>
        <source>The file is damaged or was altered.</source>
        <translation>The file is damaged or was altered.</translation>
    </message>
    <message>
        <source>The file is incomplete: part of it is missing.</source>
        <translation>The file is incomplete: part of it is missing.</translation>
    </message>
    <message>
        <source>The file was not encrypted for this HQ.</source>
        <translation>The file was not encrypted for this HQ.</translation>
    </message>
    <message>
        <source>The file was signed by a device that is not registered.</source>
        <translation>The file was signed by a device that is not registered.</translation>
    </message>
    <message>
        <source>The signature does not match: the file was altered.</source>
        <translation>The signature does not match: the file was altered.</translation>
    </message>
    <message>
        <source>Part of the content does not match its signed hash: the file was altered.</source>
        <translation>Part of the content does not match its signed hash: the file was altered.</translation>
    </message>
    <message>
        <source>Two different bundles carry the same number from one device.</source>
        <translation>Two different bundles carry the same number from one device.</translation>
    </message>
    <message>
        <source>A testimony arrived with content different from an earlier copy.</source>
        <translation>A testimony arrived with content different from an earlier copy.</translation>
    </message>
    <message>
        <source>Import HQ&apos;s key card before importing a receipt: the receipt is checked against it.</source>
        <translation>Import HQ&apos;s key card before importing a receipt: the receipt is checked against it.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Send to HQ</source>
        <translation>Send to HQ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>NAM Desktop: first start</source>
        <translation>NAM Desktop: first start</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Create the vault</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Folder for the vault</source>
        <translation>Folder for the vault</translation>
    </message>
    <message>
        <source>Where to keep the vault</source>
        <translation>Where to keep the vault</translation>
    </message>
    <message>
        <source>The vault is a folder holding the encrypted testimonies and files. An encrypted USB stick is a good place. The folder must be new or empty.</source>
        <translation>The vault is a folder holding the encrypted testimonies and files. An encrypted USB stick is a good place. The folder must be new or empty.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Vault folder</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>reopened for a new revision</source>
        <translation>reopened for a new revision</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>finalised</translation>
    </message>
    <message>
        <source>consent recorded</source>
        <translation>consent recorded</translation>
    </message>
    <message>
        <source>consent changed</source>
        <translation>consent changed</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consent withdrawn</translation>
    </message>
    <message>
        <source>consent renewed</source>
        <translation>consent renewed</translation>
    </message>
    <message>
        <source>file attached</source>
        <translation>file attached</translation>
    </message>
    <message>
        <source>file removed</source>
        <translation>file removed</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>delivered to HQ</source>
        <translation>delivered to HQ</translation>
    </message>
    <message>
        <source>changes discarded, last revision back</source>
        <translation>changes discarded, last revision back</translation>
    </message>
    <message>
        <source>recording started</source>
        <translation>recording started</translation>
    </message>
    <message>
        <source>interrupted recording recovered</source>
        <translation>interrupted recording recovered</translation>
    </message>
    <message>
        <source>recording discarded</source>
        <translation>recording discarded</translation>
    </message>
    <message>
        <source>recording lost</source>
        <translation>recording lost</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message numerus="yes">
        <source>saved %n times</source>
        <translation>
            <numerusform>saved %n time</numerusform>
            <numerusform>saved %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>(revision %1)</source>
        <translation>(revision %1)</translation>
    </message>
</context>
<context>
    <name>HqAlarmsPanel</name>
    <message>
        <source>A missing bundle may mean a lost stick. A fork means two different bundles carry the same number: the device key may have been copied — talk to the interviewer before importing more from that device. Conflicts name items that arrived with different content.</source>
        <translation>A missing bundle may mean a lost stick. A fork means two different bundles carry the same number: the device key may have been copied — talk to the interviewer before importing more from that device. Conflicts name items that arrived with different content.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
</context>
<context>
    <name>HqDevicesPanel</name>
    <message>
        <source>Cyrillic letters were typed: %1. A fingerprint has only Latin letters A–Z and digits 2–7: switch the keyboard to English (Latin) and type them again.</source>
        <translation>Cyrillic letters were typed: %1. A fingerprint has only Latin letters A–Z and digits 2–7: switch the keyboard to English (Latin) and type them again.</translation>
    </message>
    <message>
        <source>A fingerprint never has 0, 1, 8 or 9 (typed: %1): its digits are 2–7 only. Did the interviewer say the letter O or I?</source>
        <translation>A fingerprint never has 0, 1, 8 or 9 (typed: %1): its digits are 2–7 only. Did the interviewer say the letter O or I?</translation>
    </message>
    <message>
        <source>These characters cannot be in a fingerprint: %1. Type only Latin letters A–Z, digits 2–7 and dashes.</source>
        <translation>These characters cannot be in a fingerprint: %1. Type only Latin letters A–Z, digits 2–7 and dashes.</translation>
    </message>
    <message>
        <source>Too long: a fingerprint has six groups of four characters, a public key 64 hex characters.</source>
        <translation>Too long: a fingerprint has six groups of four characters, a public key 64 hex characters.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Public key</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>Last bundle no.</source>
        <translation>Last bundle no.</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>PDF certificate</source>
        <translation>PDF certificate</translation>
    </message>
    <message>
        <source>Registered devices</source>
        <translation>Registered devices</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>Save receipt…</translation>
    </message>
    <message>
        <source>Register an interviewer&apos;s device</source>
        <translation>Register an interviewer&apos;s device</translation>
    </message>
    <message>
        <source>Fingerprint or key:</source>
        <translation>Fingerprint or key:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>Compare:</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX or 64 hex characters</source>
        <translation>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX or 64 hex characters</translation>
    </message>
    <message>
        <source>Device fingerprint or public key</source>
        <translation>Device fingerprint or public key</translation>
    </message>
    <message>
        <source>e.g. the interviewer&apos;s code name</source>
        <translation>e.g. the interviewer&apos;s code name</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>Register device</source>
        <translation>Register device</translation>
    </message>
    <message>
        <source>known</source>
        <translation>known</translation>
    </message>
    <message>
        <source>fingerprint only</source>
        <translation>fingerprint only</translation>
    </message>
    <message>
        <source>not yet (after its next bundle)</source>
        <translation>not yet (after its next bundle)</translation>
    </message>
    <message>
        <source>Nothing has been imported from this device yet.</source>
        <translation>Nothing has been imported from this device yet.</translation>
    </message>
    <message>
        <source>Type the fingerprint the interviewer reads to you (their app shows it under Settings): six groups of four Latin letters A–Z and digits 2–7. Or paste their 64-character public key.</source>
        <translation>Type the fingerprint the interviewer reads to you (their app shows it under Settings): six groups of four Latin letters A–Z and digits 2–7. Or paste their 64-character public key.</translation>
    </message>
    <message>
        <source>Register this device as “%1”?

%2

Register it only if the interviewer confirmed these exact six groups in person or by phone: once it is registered, bundles signed with this device are accepted.</source>
        <translation>Register this device as “%1”?

%2

Register it only if the interviewer confirmed these exact six groups in person or by phone: once it is registered, bundles signed with this device are accepted.</translation>
    </message>
    <message>
        <source>Read these six groups back to the interviewer, in person or by phone, and compare them with their screen before you register.</source>
        <translation>Read these six groups back to the interviewer, in person or by phone, and compare them with their screen before you register.</translation>
    </message>
    <message>
        <source>It is registered already, as “%1”: the name will change.</source>
        <translation>It is registered already, as “%1”: the name will change.</translation>
    </message>
</context>
<context>
    <name>HqImportPanel</name>
    <message>
        <source>Choose the bundle files from the interviewer&apos;s USB stick (for a split bundle, one part is enough). Each bundle is checked — who signed it, for whom, every byte — and imported whole or not at all.</source>
        <translation>Choose the bundle files from the interviewer&apos;s USB stick (for a split bundle, one part is enough). Each bundle is checked — who signed it, for whom, every byte — and imported whole or not at all.</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Receipt for:</source>
        <translation>Receipt for:</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>Save receipt…</translation>
    </message>
    <message>
        <source>Device to write a receipt for</source>
        <translation>Device to write a receipt for</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Bundles to import</translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundles…</source>
        <translation>
            <numerusform>Checking and importing %n bundle…</numerusform>
            <numerusform>Checking and importing %n bundles…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles checked: %1 imported, %2 already imported, %3 rejected.</source>
        <translation>
            <numerusform>%n bundle checked: %1 imported, %2 already imported, %3 rejected.</numerusform>
            <numerusform>%n bundles checked: %1 imported, %2 already imported, %3 rejected.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: REJECTED.</source>
        <translation>%1: REJECTED.</translation>
    </message>
    <message>
        <source>Signed by device %1.</source>
        <translation>Signed by device %1.</translation>
    </message>
    <message>
        <source>Double-click the line above (or select it and press Enter) to register this device.</source>
        <translation>Double-click the line above (or select it and press Enter) to register this device.</translation>
    </message>
    <message>
        <source>%1: already imported from %2 (bundle no. %3). Nothing changed.</source>
        <translation>%1: already imported from %2 (bundle no. %3). Nothing changed.</translation>
    </message>
    <message numerus="yes">
        <source>%1: imported %n testimonies from %2 (bundle no. %3).</source>
        <translation>
            <numerusform>%1: imported %n testimony from %2 (bundle no. %3).</numerusform>
            <numerusform>%1: imported %n testimonies from %2 (bundle no. %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Items: %1 new, %2 already here.</source>
        <translation>Items: %1 new, %2 already here.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n bundles from this device may be missing (no. %1 not received) — lost stick? Ask the interviewer.</source>
        <translation>
            <numerusform>Warning: %n bundle from this device may be missing (no. %1 not received) — lost stick? Ask the interviewer.</numerusform>
            <numerusform>Warning: %n bundles from this device may be missing (no. %1 not received) — lost stick? Ask the interviewer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device reports that export no. %1 did not complete (interrupted, failed or cancelled): no bundle of that number is missing.</source>
        <translation>The device reports that export no. %1 did not complete (interrupted, failed or cancelled): no bundle of that number is missing.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Folder for the receipt (for example the interviewer&apos;s USB stick)</source>
        <translation>Folder for the receipt (for example the interviewer&apos;s USB stick)</translation>
    </message>
    <message>
        <source>The receipt for %1 was saved as:
%2

Give it to the interviewer: their app then marks the testimonies HQ received as delivered.</source>
        <translation>The receipt for %1 was saved as:
%2

Give it to the interviewer: their app then marks the testimonies HQ received as delivered.</translation>
    </message>
</context>
<context>
    <name>HqKeyCardDialog</name>
    <message>
        <source>Write key card</source>
        <translation>Write key card</translation>
    </message>
    <message>
        <source>Writes key card no. %1 and a printable page with the same card as a QR code. Interviewers import the card; an app that holds an older card from this HQ accepts the newer one.</source>
        <translation>Writes key card no. %1 and a printable page with the same card as a QR code. Interviewers import the card; an app that holds an older card from this HQ accepts the newer one.</translation>
    </message>
    <message>
        <source>HQ root fingerprint (tell it to interviewers in person or by phone):</source>
        <translation>HQ root fingerprint (tell it to interviewers in person or by phone):</translation>
    </message>
    <message>
        <source>HQ name</source>
        <translation>HQ name</translation>
    </message>
    <message>
        <source>Accept original (uncleaned) files</source>
        <translation>Accept original (uncleaned) files</translation>
    </message>
    <message>
        <source>Originals keep hidden information such as GPS positions: useful as evidence, dangerous if a stick is lost. Interviewers can send them only if this is ticked.</source>
        <translation>Originals keep hidden information such as GPS positions: useful as evidence, dangerous if a stick is lost. Interviewers can send them only if this is ticked.</translation>
    </message>
    <message>
        <source>Language of the printed page</source>
        <translation>Language of the printed page</translation>
    </message>
    <message>
        <source>Every interviewer</source>
        <translation>Every interviewer</translation>
    </message>
    <message>
        <source>%1 only, with its PDF certificate</source>
        <translation>%1 only, with its PDF certificate</translation>
    </message>
    <message>
        <source>Who the card is for</source>
        <translation>Who the card is for</translation>
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
        <translation>Paper size</translation>
    </message>
    <message>
        <source>Choose folder and write…</source>
        <translation>Choose folder and write…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>HQ name on the card:</source>
        <translation>HQ name on the card:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>Printed page in:</source>
        <translation>Printed page in:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Key card</source>
        <translation>Key card</translation>
    </message>
    <message>
        <source>Folder for the key card</source>
        <translation>Folder for the key card</translation>
    </message>
    <message>
        <source>The key card is too large for a QR code. Use a shorter HQ name.</source>
        <translation>The key card is too large for a QR code. Use a shorter HQ name.</translation>
    </message>
    <message>
        <source>The key card and its printable page were saved:
%1
%2

Give the card to interviewers, and tell them the root fingerprint in person or by phone:
%3</source>
        <translation>The key card and its printable page were saved:
%1
%2

Give the card to interviewers, and tell them the root fingerprint in person or by phone:
%3</translation>
    </message>
</context>
<context>
    <name>HqMessages</name>
    <message>
        <source>The file is not a NAM bundle, or its contents break the format.</source>
        <translation>The file is not a NAM bundle, or its contents break the format.</translation>
    </message>
    <message>
        <source>The bundle exceeds a size limit; it was not read further.</source>
        <translation>The bundle exceeds a size limit; it was not read further.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of NAM Desktop, in a format this version cannot read. Update NAM Desktop, then import it again.</source>
        <translation>This bundle was made by a newer version of NAM Desktop, in a format this version cannot read. Update NAM Desktop, then import it again.</translation>
    </message>
    <message>
        <source>The parts of this bundle contradict each other (a file differs from its description, or a description belongs to no testimony). It was signed that way, so faulty or tampered software made it. Nothing was imported.</source>
        <translation>The parts of this bundle contradict each other (a file differs from its description, or a description belongs to no testimony). It was signed that way, so faulty or tampered software made it. Nothing was imported.</translation>
    </message>
    <message>
        <source>The file was damaged, altered or cut short (even one changed byte is noticed). Copy it from the stick again, or ask the interviewer for a new export.</source>
        <translation>The file was damaged, altered or cut short (even one changed byte is noticed). Copy it from the stick again, or ask the interviewer for a new export.</translation>
    </message>
    <message>
        <source>The file is incomplete (cut short). Copy it from the stick again.</source>
        <translation>The file is incomplete (cut short). Copy it from the stick again.</translation>
    </message>
    <message>
        <source>This bundle is not addressed to this HQ: it was encrypted for other keys. Was the interviewer&apos;s key card from another HQ or outdated?</source>
        <translation>This bundle is not addressed to this HQ: it was encrypted for other keys. Was the interviewer&apos;s key card from another HQ or outdated?</translation>
    </message>
    <message>
        <source>Signed by a device that is not registered here. Compare its fingerprint with the interviewer in person or by phone, register the device, then import again.</source>
        <translation>Signed by a device that is not registered here. Compare its fingerprint with the interviewer in person or by phone, register the device, then import again.</translation>
    </message>
    <message>
        <source>The signature does not match: the bundle was forged or altered.</source>
        <translation>The signature does not match: the bundle was forged or altered.</translation>
    </message>
    <message>
        <source>Part of the bundle differs from what the interviewer signed: it was altered.</source>
        <translation>Part of the bundle differs from what the interviewer signed: it was altered.</translation>
    </message>
    <message>
        <source>Two different bundles with the same sequence number came from this device — the device key may have been copied. The alarm is recorded for review.</source>
        <translation>Two different bundles with the same sequence number came from this device — the device key may have been copied. The alarm is recorded for review.</translation>
    </message>
    <message>
        <source>Some items arrived with different content than the copies already here. The alarm is recorded; review these items:</source>
        <translation>Some items arrived with different content than the copies already here. The alarm is recorded; review these items:</translation>
    </message>
    <message>
        <source>The vault&apos;s disk could not be written (full or removed?).</source>
        <translation>The vault&apos;s disk could not be written (full or removed?).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet.</source>
        <translation>This HQ vault has no HQ keys yet.</translation>
    </message>
    <message>
        <source>This needs an HQ vault.</source>
        <translation>This needs an HQ vault.</translation>
    </message>
    <message>
        <source>missing bundle (lost stick?)</source>
        <translation>missing bundle (lost stick?)</translation>
    </message>
    <message>
        <source>fork (device key copied?)</source>
        <translation>fork (device key copied?)</translation>
    </message>
    <message>
        <source>conflict (different content)</source>
        <translation>conflict (different content)</translation>
    </message>
    <message>
        <source>Nothing from this bundle was imported.</source>
        <translation>Nothing from this bundle was imported.</translation>
    </message>
</context>
<context>
    <name>HqRecoveryDialog</name>
    <message>
        <source>Recovery request</source>
        <translation>Recovery request</translation>
    </message>
    <message>
        <source>An interviewer who cannot open their vault (after travel mode, or a forgotten passphrase) sends a recovery request. The answer opens that vault on their device only, once.</source>
        <translation>An interviewer who cannot open their vault (after travel mode, or a forgotten passphrase) sends a recovery request. The answer opens that vault on their device only, once.</translation>
    </message>
    <message>
        <source>Open a request…</source>
        <translation>Open a request…</translation>
    </message>
    <message>
        <source>Answer only after the interviewer has read you this code through another channel than the one that brought the file (in person, or a call you place to a number you know), and you are sure they are free to ask. Whoever gets this answer can open the vault.</source>
        <translation>Answer only after the interviewer has read you this code through another channel than the one that brought the file (in person, or a call you place to a number you know), and you are sure they are free to ask. Whoever gets this answer can open the vault.</translation>
    </message>
    <message>
        <source>The interviewer read me this code through another channel</source>
        <translation>The interviewer read me this code through another channel</translation>
    </message>
    <message>
        <source>Write the answer…</source>
        <translation>Write the answer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>From %1 (%2), made %3. Request code:</source>
        <translation>From %1 (%2), made %3. Request code:</translation>
    </message>
    <message>
        <source>Where to save the answer</source>
        <translation>Where to save the answer</translation>
    </message>
    <message>
        <source>The answer was saved as %1. Give it to the interviewer: it opens their vault on their device only, once.</source>
        <translation>The answer was saved as %1. Give it to the interviewer: it opens their vault on their device only, once.</translation>
    </message>
</context>
<context>
    <name>HqStationPage</name>
    <message>
        <source>HQ station</source>
        <translation>HQ station</translation>
    </message>
    <message>
        <source>This computer becomes HQ&apos;s import station. Its vault holds HQ&apos;s keys (they never leave it), the testimonies interviewers send, and the register of their devices. Interviewers receive only HQ&apos;s public key card.</source>
        <translation>This computer becomes HQ&apos;s import station. Its vault holds HQ&apos;s keys (they never leave it), the testimonies interviewers send, and the register of their devices. Interviewers receive only HQ&apos;s public key card.</translation>
    </message>
    <message>
        <source>Name printed on HQ&apos;s key cards (optional):</source>
        <translation>Name printed on HQ&apos;s key cards (optional):</translation>
    </message>
    <message>
        <source>HQ name</source>
        <translation>HQ name</translation>
    </message>
    <message>
        <source>e.g. HQ Vilnius</source>
        <translation>e.g. HQ Vilnius</translation>
    </message>
</context>
<context>
    <name>HqTestimonyView</name>
    <message>
        <source>Show identity</source>
        <translation>Show identity</translation>
    </message>
    <message>
        <source>The witness&apos;s name and contacts, if the interviewer sent them</source>
        <translation>The witness&apos;s name and contacts, if the interviewer sent them</translation>
    </message>
    <message>
        <source>Summary / print…</source>
        <translation>Summary / print…</translation>
    </message>
    <message>
        <source>Testimony (read only)</source>
        <translation>Testimony (read only)</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Testimony</translation>
    </message>
    <message>
        <source>Select a testimony to read it. Testimonies received at HQ are read only.</source>
        <translation>Select a testimony to read it. Testimonies received at HQ are read only.</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Attachments (%1)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Kept on the interviewer&apos;s device, not sent.</source>
        <translation>Kept on the interviewer&apos;s device, not sent.</translation>
    </message>
</context>
<context>
    <name>HqUwaziDialog</name>
    <message>
        <source>Export to Uwazi</source>
        <translation>Export to Uwazi</translation>
    </message>
    <message>
        <source>Writes the testimonies HQ may share as Uwazi import packages: one zip per template, acts first. Everything is checked against a snapshot of the Uwazi collection (its templates, thesauri and settings) before anything is written. Only pseudonymised content leaves the vault; the witness&apos;s identity never does.</source>
        <translation>Writes the testimonies HQ may share as Uwazi import packages: one zip per template, acts first. Everything is checked against a snapshot of the Uwazi collection (its templates, thesauri and settings) before anything is written. Only pseudonymised content leaves the vault; the witness&apos;s identity never does.</translation>
    </message>
    <message>
        <source>The packages contain testimony text in plain, readable form, for the Uwazi admin. They are written only into the folder you choose: use an encrypted drive, and delete them once they are imported.</source>
        <translation>The packages contain testimony text in plain, readable form, for the Uwazi admin. They are written only into the folder you choose: use an encrypted drive, and delete them once they are imported.</translation>
    </message>
    <message>
        <source>Uwazi snapshot:</source>
        <translation>Uwazi snapshot:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Output folder:</translation>
    </message>
    <message>
        <source>Mapping:</source>
        <translation>Mapping:</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>Choose snapshot folder…</source>
        <translation>Choose snapshot folder…</translation>
    </message>
    <message>
        <source>Choose output folder…</source>
        <translation>Choose output folder…</translation>
    </message>
    <message>
        <source>Choose mapping file…</source>
        <translation>Choose mapping file…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation>Problems and notes</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Stored snapshot no. %1 of %2</source>
        <translation>Stored snapshot no. %1 of %2</translation>
    </message>
    <message>
        <source>No snapshot stored yet: choose its folder</source>
        <translation>No snapshot stored yet: choose its folder</translation>
    </message>
    <message>
        <source>Recommended templates (default)</source>
        <translation>Recommended templates (default)</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <source>New and changed since the last export</source>
        <translation>New and changed since the last export</translation>
    </message>
    <message>
        <source>Everything again (may duplicate entities in Uwazi)</source>
        <translation>Everything again (may duplicate entities in Uwazi)</translation>
    </message>
    <message>
        <source>New and changed since export no. %1 (%2)</source>
        <translation>New and changed since export no. %1 (%2)</translation>
    </message>
    <message>
        <source>Uwazi snapshot folder</source>
        <translation>Uwazi snapshot folder</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Folder for the packages</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Mapping file</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Checking and writing…</source>
        <translation>Checking and writing…</translation>
    </message>
    <message numerus="yes">
        <source>Check passed: %n testimonies would be exported.</source>
        <translation>
            <numerusform>Check passed: %n testimony would be exported.</numerusform>
            <numerusform>Check passed: %n testimonies would be exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Packages: %1. Unchanged since the last export: %2.</source>
        <translation>Packages: %1. Unchanged since the last export: %2.</translation>
    </message>
    <message>
        <source>Export no. %1 written to %2. Testimonies: %3, acts: %4, files: %5, packages: %6. Import the packages in Uwazi in the order of their numbers.</source>
        <translation>Export no. %1 written to %2. Testimonies: %3, acts: %4, files: %5, packages: %6. Import the packages in Uwazi in the order of their numbers.</translation>
    </message>
    <message>
        <source>Nothing new or changed since the last export.</source>
        <translation>Nothing new or changed since the last export.</translation>
    </message>
    <message>
        <source>Nothing new or changed since the last export: nothing was written.</source>
        <translation>Nothing new or changed since the last export: nothing was written.</translation>
    </message>
    <message numerus="yes">
        <source>Export refused: %n problems. Nothing was written.</source>
        <translation>
            <numerusform>Export refused: %n problem. Nothing was written.</numerusform>
            <numerusform>Export refused: %n problems. Nothing was written.</numerusform>
        </translation>
    </message>
    <message>
        <source>header</source>
        <translation>header</translation>
    </message>
    <message>
        <source>Remove from Uwazi: consent no longer allows it</source>
        <translation>Remove from Uwazi: consent no longer allows it</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>file %1</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Left out:</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
</context>
<context>
    <name>HqWindow</name>
    <message>
        <source>NAM Desktop — HQ</source>
        <translation>NAM Desktop — HQ</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>Write key card…</source>
        <translation>Write key card…</translation>
    </message>
    <message>
        <source>Export to Uwazi…</source>
        <translation>Export to Uwazi…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Lock now (Ctrl+L)</translation>
    </message>
    <message>
        <source>HQ toolbar</source>
        <translation>HQ toolbar</translation>
    </message>
    <message>
        <source>Testimonies received</source>
        <translation>Testimonies received</translation>
    </message>
    <message>
        <source>This HQ vault has no HQ keys yet: create them before writing a key card or importing bundles.</source>
        <translation>This HQ vault has no HQ keys yet: create them before writing a key card or importing bundles.</translation>
    </message>
    <message>
        <source>Create HQ keys</source>
        <translation>Create HQ keys</translation>
    </message>
    <message>
        <source>Alarms (%1)</source>
        <translation>Alarms (%1)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>Create the HQ root, receipt and encryption keys in this vault? They never leave it; interviewers receive only the public key card.</source>
        <translation>Create the HQ root, receipt and encryption keys in this vault? They never leave it; interviewers receive only the public key card.</translation>
    </message>
    <message>
        <source>Received from %1 (%2), bundle no. %3, imported %4. Read only.</source>
        <translation>Received from %1 (%2), bundle no. %3, imported %4. Read only.</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Search testimonies</source>
        <translation>Search testimonies</translation>
    </message>
    <message>
        <source>Recovery request…</source>
        <translation>Recovery request…</translation>
    </message>
    <message>
        <source>Give an interviewer access back to their vault</source>
        <translation>Give an interviewer access back to their vault</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Lock at once and empty the clipboard (%1)</source>
        <translation>Lock at once and empty the clipboard (%1)</translation>
    </message>
</context>
<context>
    <name>InterviewSection</name>
    <message>
        <source>Interview date:</source>
        <translation>Interview date:</translation>
    </message>
    <message>
        <source>Until (if several days):</source>
        <translation>Until (if several days):</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Languages:</translation>
    </message>
    <message>
        <source>Interpreter:</source>
        <translation>Interpreter:</translation>
    </message>
    <message>
        <source>Others present:</source>
        <translation>Others present:</translation>
    </message>
    <message>
        <source>Interviewer:</source>
        <translation>Interviewer:</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>e.g. be, ru</source>
        <translation>e.g. be, ru</translation>
    </message>
</context>
<context>
    <name>InterviewerPage</name>
    <message>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>Your name or the code HQ gave you. It is stored inside the vault and added to each testimony you record.</source>
        <translation>Your name or the code HQ gave you. It is stored inside the vault and added to each testimony you record.</translation>
    </message>
    <message>
        <source>Interviewer name or code</source>
        <translation>Interviewer name or code</translation>
    </message>
    <message>
        <source>e.g. INT-07</source>
        <translation>e.g. INT-07</translation>
    </message>
</context>
<context>
    <name>KeyCardDialog</name>
    <message>
        <source>No key card yet: bundles for HQ cannot be made until you import one.</source>
        <translation>No key card yet: bundles for HQ cannot be made until you import one.</translation>
    </message>
    <message>
        <source>Key card number %1 from %2, issued %3. Originals accepted: %4. HQ&apos;s fingerprint:</source>
        <translation>Key card number %1 from %2, issued %3. Originals accepted: %4. HQ&apos;s fingerprint:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Key card number %1 (the card names no HQ), issued %2. Originals accepted: %3. HQ&apos;s fingerprint:</source>
        <translation>Key card number %1 (the card names no HQ), issued %2. Originals accepted: %3. HQ&apos;s fingerprint:</translation>
    </message>
    <message>
        <source>Bundles are encrypted for:</source>
        <translation>Bundles are encrypted for:</translation>
    </message>
    <message>
        <source>HQ key card</source>
        <translation>HQ key card</translation>
    </message>
    <message>
        <source>Key card in use</source>
        <translation>Key card in use</translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation>Import a key card</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>KeyCardPage</name>
    <message>
        <source>HQ&apos;s key card (optional)</source>
        <translation>HQ&apos;s key card (optional)</translation>
    </message>
    <message>
        <source>If HQ has already given you its key card, import it now. You can also do it later from the HQ menu.</source>
        <translation>If HQ has already given you its key card, import it now. You can also do it later from the HQ menu.</translation>
    </message>
    <message>
        <source>I&apos;ll do it later</source>
        <translation>I&apos;ll do it later</translation>
    </message>
</context>
<context>
    <name>KeyCardPanel</name>
    <message>
        <source>HQ key card</source>
        <translation>HQ key card</translation>
    </message>
    <message>
        <source>This key card is already in use. Nothing to do.</source>
        <translation>This key card is already in use. Nothing to do.</translation>
    </message>
    <message>
        <source>Does this fingerprint match the one HQ gave you?</source>
        <translation>Does this fingerprint match the one HQ gave you?</translation>
    </message>
    <message>
        <source>Compare it group by group with the fingerprint HQ read to you by phone or gave you in person — not with one that came with the file. Only if every letter and digit matches, press &quot;It matches&quot;. Someone who swapped the file could read everything you send.</source>
        <translation>Compare it group by group with the fingerprint HQ read to you by phone or gave you in person — not with one that came with the file. Only if every letter and digit matches, press &quot;It matches&quot;. Someone who swapped the file could read everything you send.</translation>
    </message>
    <message>
        <source>It matches: trust this key card</source>
        <translation>It matches: trust this key card</translation>
    </message>
    <message>
        <source>It does not match</source>
        <translation>It does not match</translation>
    </message>
    <message>
        <source>A newer key card from the same HQ</source>
        <translation>A newer key card from the same HQ</translation>
    </message>
    <message>
        <source>It is signed by the HQ key you already trust (fingerprint above) and replaces key card number %1.</source>
        <translation>It is signed by the HQ key you already trust (fingerprint above) and replaces key card number %1.</translation>
    </message>
    <message>
        <source>Use the new key card</source>
        <translation>Use the new key card</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Key card number %1, issued %2. Originals accepted: %3.</source>
        <translation>Key card number %1, issued %2. Originals accepted: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>HQ&apos;s key card was imported. You can now send bundles to HQ.</source>
        <translation>HQ&apos;s key card was imported. You can now send bundles to HQ.</translation>
    </message>
    <message>
        <source>The new key card is now in use.</source>
        <translation>The new key card is now in use.</translation>
    </message>
    <message>
        <source>The key card was not imported. Tell HQ through a trusted channel that the fingerprints differ: someone may have replaced the file.</source>
        <translation>The key card was not imported. Tell HQ through a trusted channel that the fingerprints differ: someone may have replaced the file.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card is a small file from HQ. With it, the bundles you send can be opened only by HQ. Open the file, or paste its text.</source>
        <translation>HQ&apos;s key card is a small file from HQ. With it, the bundles you send can be opened only by HQ. Open the file, or paste its text.</translation>
    </message>
    <message>
        <source>Open key card file…</source>
        <translation>Open key card file…</translation>
    </message>
    <message>
        <source>…or paste the key card text here</source>
        <translation>…or paste the key card text here</translation>
    </message>
    <message>
        <source>Key card text</source>
        <translation>Key card text</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>This app keeps testimonies in an encrypted vault on this computer. Choose the language of the app.</source>
        <translation>This app keeps testimonies in an encrypted vault on this computer. Choose the language of the app.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>What is this computer for?</source>
        <translation>What is this computer for?</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>Record testimonies and send them to HQ on a USB stick.</source>
        <translation>Record testimonies and send them to HQ on a USB stick.</translation>
    </message>
    <message>
        <source>Set up an HQ station</source>
        <translation>Set up an HQ station</translation>
    </message>
    <message>
        <source>Receive and check the bundles interviewers send, register their devices, write key cards and receipts.</source>
        <translation>Receive and check the bundles interviewers send, register their devices, write key cards and receipts.</translation>
    </message>
</context>
<context>
    <name>ListLoader</name>
    <message>
        <source>The list could not be read: %1</source>
        <translation>The list could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>Loading the list: the first %1 of %n testimonies are shown. Sorting, filters and search cover the whole list once it is in.</source>
        <translation>
            <numerusform>Loading the list: the first %1 of %n testimony are shown. Sorting, filters and search cover the whole list once it is in.</numerusform>
            <numerusform>Loading the list: the first %1 of %n testimonies are shown. Sorting, filters and search cover the whole list once it is in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>Loading the list…</translation>
    </message>
    <message>
        <source>Updating the list…</source>
        <translation>Updating the list…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>NAM Desktop is already running. Look for its window.</source>
        <translation>NAM Desktop is already running. Look for its window.</translation>
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
        <translation>New testimony</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Lock now (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Violation:</source>
        <translation>Violation:</translation>
    </message>
    <message>
        <source>Interview date:</source>
        <translation>Interview date:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Filter by violation type</source>
        <translation>Filter by violation type</translation>
    </message>
    <message>
        <source>Interview date from</source>
        <translation>Interview date from</translation>
    </message>
    <message>
        <source>Interview date until</source>
        <translation>Interview date until</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>&amp;HQ</source>
        <translation>&amp;HQ</translation>
    </message>
    <message>
        <source>Send to HQ…</source>
        <translation>Send to HQ…</translation>
    </message>
    <message>
        <source>Write the final testimonies to a USB stick for HQ, encrypted</source>
        <translation>Write the final testimonies to a USB stick for HQ, encrypted</translation>
    </message>
    <message>
        <source>Import HQ key card…</source>
        <translation>Import HQ key card…</translation>
    </message>
    <message>
        <source>Import HQ receipt…</source>
        <translation>Import HQ receipt…</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Could not save: %1</translation>
    </message>
    <message>
        <source>Record interview</source>
        <translation>Record interview</translation>
    </message>
    <message>
        <source>Record the interview into this testimony (Ctrl+R)</source>
        <translation>Record the interview into this testimony (Ctrl+R)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Lock at once and empty the clipboard (%1)</source>
        <translation>Lock at once and empty the clipboard (%1)</translation>
    </message>
</context>
<context>
    <name>MediaPlayerWidget</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Playback position</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The passphrase is not correct. Check the keyboard layout and Caps Lock.</source>
        <translation>The passphrase is not correct. Check the keyboard layout and Caps Lock.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file is damaged. Restore the vault folder from a backup.</source>
        <translation>The vault&apos;s key file is damaged. Restore the vault folder from a backup.</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Restore it from a backup.</source>
        <translation>The vault is damaged and cannot be opened. Restore it from a backup.</translation>
    </message>
    <message>
        <source>An attached file is missing from the vault folder.</source>
        <translation>An attached file is missing from the vault folder.</translation>
    </message>
    <message>
        <source>An attached file in the vault is damaged or was altered.</source>
        <translation>An attached file in the vault is damaged or was altered.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>This vault is already open in another window or program. Close it there first.</source>
        <translation>This vault is already open in another window or program. Close it there first.</translation>
    </message>
    <message>
        <source>There is no vault in this folder.</source>
        <translation>There is no vault in this folder.</translation>
    </message>
    <message>
        <source>This folder is not empty. Choose an empty or new folder for the vault.</source>
        <translation>This folder is not empty. Choose an empty or new folder for the vault.</translation>
    </message>
    <message>
        <source>Some of the input is not valid.</source>
        <translation>Some of the input is not valid.</translation>
    </message>
    <message>
        <source>The item was not found. It may have been deleted.</source>
        <translation>The item was not found. It may have been deleted.</translation>
    </message>
    <message>
        <source>Some required information is missing.</source>
        <translation>Some required information is missing.</translation>
    </message>
    <message>
        <source>This file type is not supported.</source>
        <translation>This file type is not supported.</translation>
    </message>
    <message>
        <source>The file is damaged or not what its name says.</source>
        <translation>The file is damaged or not what its name says.</translation>
    </message>
    <message>
        <source>The app may not read or write there.</source>
        <translation>The app may not read or write there.</translation>
    </message>
    <message>
        <source>There is not enough free space on the disk. Nothing was changed. Free some space and try again.</source>
        <translation>There is not enough free space on the disk. Nothing was changed. Free some space and try again.</translation>
    </message>
    <message>
        <source>The disk could not be read or written: it may have been removed or be faulty. Nothing was changed.</source>
        <translation>The disk could not be read or written: it may have been removed or be faulty. Nothing was changed.</translation>
    </message>
    <message>
        <source>The file was refused: it is damaged, was altered, or is not meant for this vault. Nothing was changed.</source>
        <translation>The file was refused: it is damaged, was altered, or is not meant for this vault. Nothing was changed.</translation>
    </message>
    <message>
        <source>a title</source>
        <extracomment>Names of what ``missing_for_finalize`` can report.</extracomment>
        <translation>a title</translation>
    </message>
    <message>
        <source>the interview date</source>
        <translation>the interview date</translation>
    </message>
    <message>
        <source>the witness&apos;s pseudonym</source>
        <translation>the witness&apos;s pseudonym</translation>
    </message>
    <message>
        <source>the witness&apos;s consent (date, method or purpose)</source>
        <translation>the witness&apos;s consent (date, method or purpose)</translation>
    </message>
    <message>
        <source>consent to documentation by HQ</source>
        <translation>consent to documentation by HQ</translation>
    </message>
    <message>
        <source>consent was withdrawn: renew it before finalising</source>
        <translation>consent was withdrawn: renew it before finalising</translation>
    </message>
    <message>
        <source>the witness&apos;s account or at least one act</source>
        <translation>the witness&apos;s account or at least one act</translation>
    </message>
    <message>
        <source>The passphrase must be at least 8 characters long.</source>
        <translation>The passphrase must be at least 8 characters long.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; please try again.</source>
        <translation>Something went wrong. Nothing was lost; please try again.</translation>
    </message>
    <message>
        <source>This vault is waiting for access from HQ: no passphrase opens it now. Make a recovery request and give it to HQ.</source>
        <translation>This vault is waiting for access from HQ: no passphrase opens it now. Make a recovery request and give it to HQ.</translation>
    </message>
</context>
<context>
    <name>MetadataWords</name>
    <message>
        <source>Location %1</source>
        <translation>Location %1</translation>
    </message>
    <message>
        <source>Place name “%1”</source>
        <translation>Place name “%1”</translation>
    </message>
    <message>
        <source>Camera serial number %1</source>
        <translation>Camera serial number %1</translation>
    </message>
    <message>
        <source>Owner&apos;s name “%1”</source>
        <translation>Owner&apos;s name “%1”</translation>
    </message>
    <message>
        <source>Author “%1”</source>
        <translation>Author “%1”</translation>
    </message>
    <message>
        <source>Copyright notice “%1”</source>
        <translation>Copyright notice “%1”</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Camera %1</translation>
    </message>
    <message>
        <source>Date and time %1</source>
        <translation>Date and time %1</translation>
    </message>
    <message>
        <source>Software “%1”</source>
        <translation>Software “%1”</translation>
    </message>
    <message>
        <source>Caption, title or comment “%1”</source>
        <translation>Caption, title or comment “%1”</translation>
    </message>
    <message>
        <source>Location (GPS)</source>
        <translation>Location (GPS)</translation>
    </message>
    <message>
        <source>A place name</source>
        <translation>A place name</translation>
    </message>
    <message>
        <source>A serial number</source>
        <translation>A serial number</translation>
    </message>
    <message>
        <source>The owner&apos;s name</source>
        <translation>The owner&apos;s name</translation>
    </message>
    <message>
        <source>The author&apos;s name</source>
        <translation>The author&apos;s name</translation>
    </message>
    <message>
        <source>A copyright notice</source>
        <translation>A copyright notice</translation>
    </message>
    <message>
        <source>The camera model</source>
        <translation>The camera model</translation>
    </message>
    <message>
        <source>Dates and times</source>
        <translation>Dates and times</translation>
    </message>
    <message>
        <source>The software used</source>
        <translation>The software used</translation>
    </message>
    <message>
        <source>A caption, title or comment</source>
        <translation>A caption, title or comment</translation>
    </message>
    <message>
        <source>A small preview picture, which may show more than the picture itself</source>
        <translation>A small preview picture, which may show more than the picture itself</translation>
    </message>
    <message>
        <source>Document identifiers that can link copies of the file</source>
        <translation>Document identifiers that can link copies of the file</translation>
    </message>
    <message>
        <source>The editing history (earlier versions, editing time)</source>
        <translation>The editing history (earlier versions, editing time)</translation>
    </message>
    <message>
        <source>The camera maker&apos;s hidden data block</source>
        <translation>The camera maker&apos;s hidden data block</translation>
    </message>
    <message>
        <source>the picture</source>
        <translation>the picture</translation>
    </message>
    <message>
        <source>its orientation</source>
        <translation>its orientation</translation>
    </message>
    <message>
        <source>its colour profile</source>
        <translation>its colour profile</translation>
    </message>
    <message>
        <source>the sound</source>
        <translation>the sound</translation>
    </message>
    <message>
        <source>the video</source>
        <translation>the video</translation>
    </message>
    <message>
        <source>the pages</source>
        <translation>the pages</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>the text</translation>
    </message>
    <message>
        <source>This type of file is not checked: it was stored as it is, and hidden information may still be in it.</source>
        <translation>This type of file is not checked: it was stored as it is, and hidden information may still be in it.</translation>
    </message>
    <message>
        <source>The content itself was not changed or re-encoded: only the hidden information was taken out.</source>
        <translation>The content itself was not changed or re-encoded: only the hidden information was taken out.</translation>
    </message>
    <message>
        <source>The file was rewritten without its hidden information; what it shows is unchanged.</source>
        <translation>The file was rewritten without its hidden information; what it shows is unchanged.</translation>
    </message>
    <message>
        <source>Tracked changes were accepted, and comments or embedded files were removed.</source>
        <translation>Tracked changes were accepted, and comments or embedded files were removed.</translation>
    </message>
    <message numerus="yes">
        <source>%n other identifying items</source>
        <translation>
            <numerusform>%n other identifying item</numerusform>
            <numerusform>%n other identifying items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n technical details, such as camera settings</source>
        <translation>
            <numerusform>%n technical detail, such as camera settings</numerusform>
            <numerusform>%n technical details, such as camera settings</numerusform>
        </translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>still in the file</source>
        <translation>still in the file</translation>
    </message>
    <message>
        <source>No hidden information was found.</source>
        <translation>No hidden information was found.</translation>
    </message>
    <message>
        <source>No hidden information could be read.</source>
        <translation>No hidden information could be read.</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Kept: %1</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>unknown type</translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message numerus="yes">
        <source>The speaker notes of %n slides</source>
        <translation>
            <numerusform>The speaker notes of %n slide</numerusform>
            <numerusform>The speaker notes of %n slides</numerusform>
        </translation>
    </message>
    <message>
        <source>The speaker notes</source>
        <translation>The speaker notes</translation>
    </message>
    <message numerus="yes">
        <source>%n tracked changes (accepted into the text)</source>
        <translation>
            <numerusform>%n tracked change (accepted into the text)</numerusform>
            <numerusform>%n tracked changes (accepted into the text)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracked changes (accepted into the text)</source>
        <translation>Tracked changes (accepted into the text)</translation>
    </message>
    <message numerus="yes">
        <source>%n embedded files</source>
        <translation>
            <numerusform>%n embedded file</numerusform>
            <numerusform>%n embedded files</numerusform>
        </translation>
    </message>
    <message>
        <source>Embedded files</source>
        <translation>Embedded files</translation>
    </message>
    <message>
        <source>Parts of the file that cannot be checked</source>
        <translation>Parts of the file that cannot be checked</translation>
    </message>
    <message>
        <source>(who wrote them: %1)</source>
        <translation>(who wrote them: %1)</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>A few unrelated words are easy to remember and hard to guess.</source>
        <translation>A few unrelated words are easy to remember and hard to guess.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Nobody can recover a lost passphrase: not HQ, not the developers. If you forget it, every testimony in this vault is lost for good. Write it down and keep it somewhere safe, away from this computer.</source>
        <translation>Nobody can recover a lost passphrase: not HQ, not the developers. If you forget it, every testimony in this vault is lost for good. Write it down and keep it somewhere safe, away from this computer.</translation>
    </message>
    <message>
        <source>I understand that a lost passphrase cannot be recovered</source>
        <translation>I understand that a lost passphrase cannot be recovered</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>HQ receipt</source>
        <translation>HQ receipt</translation>
    </message>
    <message>
        <source>HQ confirmed that it received your bundles. These testimonies are now marked delivered:</source>
        <translation>HQ confirmed that it received your bundles. These testimonies are now marked delivered:</translation>
    </message>
    <message>
        <source>The receipt is valid. No testimony changed: everything it lists was already marked delivered or has been edited since.</source>
        <translation>The receipt is valid. No testimony changed: everything it lists was already marked delivered or has been edited since.</translation>
    </message>
    <message>
        <source>Signed by HQ&apos;s receipt key %1 (key card no. %2).</source>
        <translation>Signed by HQ&apos;s receipt key %1 (key card no. %2).</translation>
    </message>
    <message numerus="yes">
        <source>The receipt also lists %n bundles that this vault did not make. Tell HQ: they may have mixed up devices.</source>
        <translation>
            <numerusform>The receipt also lists %n bundle that this vault did not make. Tell HQ: they may have mixed up devices.</numerusform>
            <numerusform>The receipt also lists %n bundles that this vault did not make. Tell HQ: they may have mixed up devices.</numerusform>
        </translation>
    </message>
    <message>
        <source>This receipt comes from an older HQ program: it does not list the files HQ received, so no file can be destroyed with it. Ask HQ for a new receipt.</source>
        <translation>This receipt comes from an older HQ program: it does not list the files HQ received, so no file can be destroyed with it. Ask HQ for a new receipt.</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>cleaned copy</source>
        <translation>cleaned copy</translation>
    </message>
    <message numerus="yes">
        <source>%n files on this computer can be destroyed: HQ holds exact copies (same SHA-256).</source>
        <translation>
            <numerusform>%n file on this computer can be destroyed: HQ holds an exact copy (same SHA-256).</numerusform>
            <numerusform>%n files on this computer can be destroyed: HQ holds exact copies (same SHA-256).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n originals that HQ has not received stay on this computer.</source>
        <translation>
            <numerusform>%n original that HQ has not received stays on this computer.</numerusform>
            <numerusform>%n originals that HQ has not received stay on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cleaned copies that HQ has not received stay on this computer.</source>
        <translation>
            <numerusform>%n cleaned copy that HQ has not received stays on this computer.</numerusform>
            <numerusform>%n cleaned copies that HQ has not received stay on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Destroy %n files on this computer? HQ holds exact copies of them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</source>
        <translation>
            <numerusform>Destroy %n file on this computer? HQ holds an exact copy of it. The text of the testimonies and the record of what was sent stay. This cannot be undone.</numerusform>
            <numerusform>Destroy %n files on this computer? HQ holds exact copies of them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy files on this computer?</source>
        <translation>Destroy files on this computer?</translation>
    </message>
    <message numerus="yes">
        <source>%n files destroyed.</source>
        <translation>
            <numerusform>%n file destroyed.</numerusform>
            <numerusform>%n files destroyed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy files HQ does not have?</source>
        <translation>Destroy files HQ does not have?</translation>
    </message>
    <message numerus="yes">
        <source>HQ does NOT have the %n files listed here: they exist only on this computer. If you destroy them, they are lost for good, as evidence too. Destroy them anyway?</source>
        <translation>
            <numerusform>HQ does NOT have the %n file listed here: it exists only on this computer. If you destroy it, it is lost for good, as evidence too. Destroy it anyway?</numerusform>
            <numerusform>HQ does NOT have the %n files listed here: they exist only on this computer. If you destroy them, they are lost for good, as evidence too. Destroy them anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy anyway</source>
        <translation>Destroy anyway</translation>
    </message>
    <message numerus="yes">
        <source>%n files that HQ did not have were destroyed.</source>
        <translation>
            <numerusform>%n file that HQ did not have was destroyed.</numerusform>
            <numerusform>%n files that HQ did not have were destroyed.</numerusform>
        </translation>
    </message>
    <message>
        <source>If this computer might be seized, you can destroy here the attached files of delivered testimonies that HQ holds exact copies of. Files HQ has not received (usually the originals) are kept; only a separate button destroys them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</source>
        <translation>If this computer might be seized, you can destroy here the attached files of delivered testimonies that HQ holds exact copies of. Files HQ has not received (usually the originals) are kept; only a separate button destroys them. The text of the testimonies and the record of what was sent stay. This cannot be undone.</translation>
    </message>
    <message>
        <source>Destroy files HQ holds…</source>
        <translation>Destroy files HQ holds…</translation>
    </message>
    <message>
        <source>Destroy files HQ does not have…</source>
        <translation>Destroy files HQ does not have…</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <source>When your bundle has arrived, HQ sends you a receipt file. Importing it marks the testimonies HQ received as delivered.</source>
        <translation>When your bundle has arrived, HQ sends you a receipt file. Importing it marks the testimonies HQ received as delivered.</translation>
    </message>
    <message>
        <source>Open receipt file…</source>
        <translation>Open receipt file…</translation>
    </message>
    <message>
        <source>Delivered testimonies</source>
        <translation>Delivered testimonies</translation>
    </message>
    <message>
        <source>Files HQ holds</source>
        <translation>Files HQ holds</translation>
    </message>
    <message>
        <source>Files HQ does not have</source>
        <translation>Files HQ does not have</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecorderDialog</name>
    <message>
        <source>Record interview</source>
        <translation>Record interview</translation>
    </message>
    <message>
        <source>Recording for “%1”. Closing this window finishes the recording and keeps it with the testimony&apos;s files.</source>
        <translation>Recording for “%1”. Closing this window finishes the recording and keeps it with the testimony&apos;s files.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecorderWidget</name>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>No microphone found. Connect one to record; everything else works as usual.</source>
        <translation>No microphone found. Connect one to record; everything else works as usual.</translation>
    </message>
    <message>
        <source>Recording is not allowed: the witness has not consented to audio recording. Tick it in the consent section first.</source>
        <translation>Recording is not allowed: the witness has not consented to audio recording. Tick it in the consent section first.</translation>
    </message>
    <message>
        <source>Ready. The recording goes straight into the encrypted vault.</source>
        <translation>Ready. The recording goes straight into the encrypted vault.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Paused.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Add marker</source>
        <translation>Add marker</translation>
    </message>
    <message>
        <source>Optional note for the marker</source>
        <translation>Optional note for the marker</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Play / pause</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Input level</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Markers</translation>
    </message>
    <message>
        <source>Waiting for permission to use the microphone…</source>
        <translation>Waiting for permission to use the microphone…</translation>
    </message>
    <message>
        <source>NAM Desktop may not use the microphone, so nothing would be recorded. Allow it in the system settings, then restart NAM Desktop: on macOS in System Settings → Privacy &amp; Security → Microphone; on Windows in Settings → Privacy &amp; security → Microphone (also &quot;Let desktop apps access your microphone&quot;).</source>
        <translation>NAM Desktop may not use the microphone, so nothing would be recorded. Allow it in the system settings, then restart NAM Desktop: on macOS in System Settings → Privacy &amp; Security → Microphone; on Windows in Settings → Privacy &amp; security → Microphone (also &quot;Let desktop apps access your microphone&quot;).</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>The microphone could not be started.</translation>
    </message>
    <message>
        <source>The microphone sends only silence. Check that it is connected and not muted, and that NAM Desktop may use it (Windows: Settings → Privacy &amp; security → Microphone; macOS: System Settings → Privacy &amp; Security → Microphone). The recording goes on.</source>
        <translation>The microphone sends only silence. Check that it is connected and not muted, and that NAM Desktop may use it (Windows: Settings → Privacy &amp; security → Microphone; macOS: System Settings → Privacy &amp; Security → Microphone). The recording goes on.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>This file is not a valid recovery file: it is damaged or not what its name says.</source>
        <translation>This file is not a valid recovery file: it is damaged or not what its name says.</translation>
    </message>
    <message>
        <source>HQ&apos;s key card has not been imported yet. Import it first (HQ menu → Import HQ key card…).</source>
        <translation>HQ&apos;s key card has not been imported yet. Import it first (HQ menu → Import HQ key card…).</translation>
    </message>
    <message>
        <source>This vault has no HQ recovery slot. Turn it on first (Settings → Travel and backup).</source>
        <translation>This vault has no HQ recovery slot. Turn it on first (Settings → Travel and backup).</translation>
    </message>
    <message>
        <source>The HQ recovery slot was made for an older key card. Turn it on again so that it is made for the current one.</source>
        <translation>The HQ recovery slot was made for an older key card. Turn it on again so that it is made for the current one.</translation>
    </message>
    <message>
        <source>The signature of this file is not correct: it was altered or is not from who it claims. Nothing was changed.</source>
        <translation>The signature of this file is not correct: it was altered or is not from who it claims. Nothing was changed.</translation>
    </message>
    <message>
        <source>The request comes from a device that is not registered at this HQ.</source>
        <translation>The request comes from a device that is not registered at this HQ.</translation>
    </message>
    <message>
        <source>None of this HQ&apos;s keys opens this request: it was made for another HQ.</source>
        <translation>None of this HQ&apos;s keys opens this request: it was made for another HQ.</translation>
    </message>
    <message>
        <source>This request was answered before. Each request is answered once: ask the interviewer for a new one.</source>
        <translation>This request was answered before. Each request is answered once: ask the interviewer for a new one.</translation>
    </message>
    <message>
        <source>This answer is for another request or another device. Use the answer to the newest request made on this computer.</source>
        <translation>This answer is for another request or another device. Use the answer to the newest request made on this computer.</translation>
    </message>
    <message>
        <source>No recovery request was made on this computer for this vault, or its answer was already used. Make a new request.</source>
        <translation>No recovery request was made on this computer for this vault, or its answer was already used. Make a new request.</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was done.</source>
        <translation>Not confirmed: nothing was done.</translation>
    </message>
    <message>
        <source>Nobody could open this backup: import HQ&apos;s key card, or give the backup a passphrase.</source>
        <translation>Nobody could open this backup: import HQ&apos;s key card, or give the backup a passphrase.</translation>
    </message>
    <message>
        <source>The chosen folder is not there any more. Was the drive removed?</source>
        <translation>The chosen folder is not there any more. Was the drive removed?</translation>
    </message>
    <message>
        <source>The chosen drive is read-only. Choose another place.</source>
        <translation>The chosen drive is read-only. Choose another place.</translation>
    </message>
    <message>
        <source>The backup cannot be written inside the vault folder. Choose a second drive.</source>
        <translation>The backup cannot be written inside the vault folder. Choose a second drive.</translation>
    </message>
    <message>
        <source>A file of the vault is missing. Run the vault check; nothing was written.</source>
        <translation>A file of the vault is missing. Run the vault check; nothing was written.</translation>
    </message>
    <message>
        <source>Writing to the drive failed (removed or faulty?). Nothing was left on it.</source>
        <translation>Writing to the drive failed (removed or faulty?). Nothing was left on it.</translation>
    </message>
    <message>
        <source>The drive gave back other bytes than were written (faulty?). The backup was removed; try another drive.</source>
        <translation>The drive gave back other bytes than were written (faulty?). The backup was removed; try another drive.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Cancelled. Nothing was written.</translation>
    </message>
    <message>
        <source>This is not a backup of a NAM vault, or it was altered.</source>
        <translation>This is not a backup of a NAM vault, or it was altered.</translation>
    </message>
    <message>
        <source>The backup is damaged. Nothing was restored.</source>
        <translation>The backup is damaged. Nothing was restored.</translation>
    </message>
    <message>
        <source>The backup is cut short: is a part missing? Nothing was restored.</source>
        <translation>The backup is cut short: is a part missing? Nothing was restored.</translation>
    </message>
    <message>
        <source>Neither HQ&apos;s key nor the backup passphrase opens this backup.</source>
        <translation>Neither HQ&apos;s key nor the backup passphrase opens this backup.</translation>
    </message>
    <message>
        <source>The folder is not empty. Choose a new or empty folder.</source>
        <translation>The folder is not empty. Choose a new or empty folder.</translation>
    </message>
    <message>
        <source>The HQ recovery slot file is missing or damaged. Turn it on again.</source>
        <translation>The HQ recovery slot file is missing or damaged. Turn it on again.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Writing the bundle… Do not remove the USB stick.</source>
        <translation>Writing the bundle… Do not remove the USB stick.</translation>
    </message>
    <message>
        <source>Cancelling… removing what was written.</source>
        <translation>Cancelling… removing what was written.</translation>
    </message>
    <message>
        <source>The bundle was written, read back and checked.</source>
        <translation>The bundle was written, read back and checked.</translation>
    </message>
    <message>
        <source>File on the destination:</source>
        <translation>File on the destination:</translation>
    </message>
    <message>
        <source>Bundle digest (HQ may ask for it):</source>
        <translation>Bundle digest (HQ may ask for it):</translation>
    </message>
    <message>
        <source>It is safe to remove the USB stick now.</source>
        <translation>It is safe to remove the USB stick now.</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished files left on this destination by an earlier, interrupted export were removed.</source>
        <translation>
            <numerusform>%n unfinished file left on this destination by an earlier, interrupted export was removed.</numerusform>
            <numerusform>%n unfinished files left on this destination by an earlier, interrupted export were removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished files of an earlier export could not be removed. They hold only encrypted, incomplete data; delete them when the stick is not in use elsewhere.</source>
        <translation>
            <numerusform>%n unfinished file of an earlier export could not be removed. It holds only encrypted, incomplete data; delete it when the stick is not in use elsewhere.</numerusform>
            <numerusform>%n unfinished files of an earlier export could not be removed. They hold only encrypted, incomplete data; delete them when the stick is not in use elsewhere.</numerusform>
        </translation>
    </message>
    <message>
        <source>This destination also holds a bundle from an earlier, interrupted export (%1). It may be complete: give it to HQ with the new one. HQ accepts or refuses it safely.</source>
        <translation>This destination also holds a bundle from an earlier, interrupted export (%1). It may be complete: give it to HQ with the new one. HQ accepts or refuses it safely.</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>No bundle was written.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search all testimonies…</source>
        <translation>Search all testimonies…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Matches in the text:</source>
        <translation>Matches in the text:</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nothing found.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Lock after (minutes idle):</source>
        <translation>Lock after (minutes idle):</translation>
    </message>
    <message>
        <source>Save drafts every (seconds):</source>
        <translation>Save drafts every (seconds):</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Keep the original files next to the cleaned copies</source>
        <translation>Keep the original files next to the cleaned copies</translation>
    </message>
    <message>
        <source>When you attach a photo or document, the app removes hidden information from it (location, camera serial number, author names) and keeps that cleaned copy. Keeping the original as well can help prove that a file is authentic, but the original still holds that hidden information, encrypted in the vault. If this device might be seized, it is safer not to keep originals. The choice applies to files attached from now on.</source>
        <translation>When you attach a photo or document, the app removes hidden information from it (location, camera serial number, author names) and keeps that cleaned copy. Keeping the original as well can help prove that a file is authentic, but the original still holds that hidden information, encrypted in the vault. If this device might be seized, it is safer not to keep originals. The choice applies to files attached from now on.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>NAM Desktop %1
Qt %2, PySide %3, Python %4

Fingerprint of this device (read it to HQ to confirm your bundles):</source>
        <translation>NAM Desktop %1
Qt %2, PySide %3, Python %4

Fingerprint of this device (read it to HQ to confirm your bundles):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>The passphrase was changed. Use the new one from now on.</translation>
    </message>
    <message>
        <source>Travel and backup</source>
        <translation>Travel and backup</translation>
    </message>
</context>
<context>
    <name>ShowToggle</name>
    <message>
        <source>Show passphrase</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <source>Show what you type, to check it; make sure nobody is looking at the screen.</source>
        <translation>Show what you type, to check it; make sure nobody is looking at the screen.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>macOS started NAM Desktop from a temporary read-only copy (App Translocation). From there it cannot find its portable folder and would keep your data on this Mac, so it does not start.

Move NAM Desktop to the Applications folder and start it from there. For portable use from a USB stick, remove the download mark once: open Terminal and run

xattr -dr com.apple.quarantine &quot;/Volumes/STICK/NAM Desktop.app&quot;

(with the name of your stick), then start NAM Desktop again.</source>
        <translation>macOS started NAM Desktop from a temporary read-only copy (App Translocation). From there it cannot find its portable folder and would keep your data on this Mac, so it does not start.

Move NAM Desktop to the Applications folder and start it from there. For portable use from a USB stick, remove the download mark once: open Terminal and run

xattr -dr com.apple.quarantine &quot;/Volumes/STICK/NAM Desktop.app&quot;

(with the name of your stick), then start NAM Desktop again.</translation>
    </message>
    <message>
        <source>NAM Desktop met an unexpected error. What you saved before is safe in the vault; anything typed since the last automatic save may be lost.</source>
        <translation>NAM Desktop met an unexpected error. What you saved before is safe in the vault; anything typed since the last automatic save may be lost.</translation>
    </message>
    <message>
        <source>A short note about the error, without any testimony content, was saved as:</source>
        <translation>A short note about the error, without any testimony content, was saved as:</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>too short</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>good</source>
        <translation>good</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Passphrase strength</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>No name, birth date, contacts or documents. The account and other free text are shown as written: check them for names before sharing.</source>
        <translation>No name, birth date, contacts or documents. The account and other free text are shown as written: check them for names before sharing.</translation>
    </message>
    <message>
        <source>Includes the witness&apos;s name, birth date, contacts and documents. For HQ only.</source>
        <translation>Includes the witness&apos;s name, birth date, contacts and documents. For HQ only.</translation>
    </message>
    <message>
        <source>Only coded facts: types of violation, dates, consent. No free text at all.</source>
        <translation>Only coded facts: types of violation, dates, consent. No free text at all.</translation>
    </message>
    <message>
        <source>The witness has withdrawn consent. This summary must not be shared.</source>
        <translation>The witness has withdrawn consent. This summary must not be shared.</translation>
    </message>
    <message>
        <source>This record is a draft: it has not been finalised.</source>
        <translation>This record is a draft: it has not been finalised.</translation>
    </message>
    <message>
        <source>The witness has not consented to anonymous publication.</source>
        <translation>The witness has not consented to anonymous publication.</translation>
    </message>
    <message>
        <source>The free text contains the witness&apos;s recorded name or contact details.</source>
        <translation>The free text contains the witness&apos;s recorded name or contact details.</translation>
    </message>
    <message>
        <source>An attached file failed its integrity check in the vault; the summary says so. Run a vault check.</source>
        <translation>An attached file failed its integrity check in the vault; the summary says so. Run a vault check.</translation>
    </message>
    <message>
        <source>Interview summary</source>
        <translation>Interview summary</translation>
    </message>
    <message>
        <source>Pseudonymised (default)</source>
        <translation>Pseudonymised (default)</translation>
    </message>
    <message>
        <source>Full: with identity (HQ only)</source>
        <translation>Full: with identity (HQ only)</translation>
    </message>
    <message>
        <source>Public: coded facts only</source>
        <translation>Public: coded facts only</translation>
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
        <translation>Include interviewer notes</translation>
    </message>
    <message>
        <source>Include image thumbnails</source>
        <translation>Include image thumbnails</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Redaction level:</source>
        <translation>Redaction level:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>Verification code: %1</translation>
    </message>
    <message>
        <source>This summary includes the witness&apos;s identity. It is for HQ only.</source>
        <translation>This summary includes the witness&apos;s identity. It is for HQ only.</translation>
    </message>
    <message>
        <source>Continue?</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation>Save summary as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The summary was saved, signed inside the PDF.

Verification code: %1</source>
        <translation>The summary was saved, signed inside the PDF.

Verification code: %1</translation>
    </message>
    <message>
        <source>The signature uses this device&apos;s own certificate: not yet certified by HQ. HQ certifies the device after it receives a bundle from it; the next key card from HQ brings the certificate.</source>
        <translation>The signature uses this device&apos;s own certificate: not yet certified by HQ. HQ certifies the device after it receives a bundle from it; the next key card from HQ brings the certificate.</translation>
    </message>
    <message>
        <source>Printing makes a paper copy that is outside the vault&apos;s protection.

• Printers and print servers can keep a copy of each job in their memory or on disk (the print queue), and the computer may keep it for a while too.
• Colour laser printers add nearly invisible yellow tracking dots that can identify the printer.

Use a printer you trust, collect the pages at once, and store or destroy them safely. Print now?</source>
        <translation>Printing makes a paper copy that is outside the vault&apos;s protection.

• Printers and print servers can keep a copy of each job in their memory or on disk (the print queue), and the computer may keep it for a while too.
• Colour laser printers add nearly invisible yellow tracking dots that can identify the printer.

Use a printer you trust, collect the pages at once, and store or destroy them safely. Print now?</translation>
    </message>
    <message>
        <source>Before printing</source>
        <translation>Before printing</translation>
    </message>
    <message>
        <source>The printer could not be started. Nothing was printed.</source>
        <translation>The printer could not be started. Nothing was printed.</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Acts</translation>
    </message>
    <message>
        <source>Witness&apos;s account</source>
        <translation>Witness&apos;s account</translation>
    </message>
    <message>
        <source>Interviewer notes</source>
        <translation>Interviewer notes</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Short title, e.g. “Detention in Okrestina, August 2020”</source>
        <translation>Short title, e.g. “Detention in Okrestina, August 2020”</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Finalise…</translation>
    </message>
    <message>
        <source>Check that nothing required is missing and create an unchangeable revision</source>
        <translation>Check that nothing required is missing and create an unchangeable revision</translation>
    </message>
    <message>
        <source>Summary / print…</source>
        <translation>Summary / print…</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editing…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Cannot finalise yet. Missing:</source>
        <translation>Cannot finalise yet. Missing:</translation>
    </message>
    <message>
        <source>Not ready to finalise</source>
        <translation>Not ready to finalise</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>Create an unchangeable revision of this testimony? Later edits start a new revision; this one stays as it is.</source>
        <translation>Create an unchangeable revision of this testimony? Later edits start a new revision; this one stays as it is.</translation>
    </message>
    <message>
        <source>Revision %1 is final</source>
        <translation>Revision %1 is final</translation>
    </message>
    <message>
        <source>Record that the witness withdrew consent? The testimony cannot be finalised or sent until consent is renewed.</source>
        <translation>Record that the witness withdrew consent? The testimony cannot be finalised or sent until consent is renewed.</translation>
    </message>
    <message>
        <source>Record that the witness gave consent again today?</source>
        <translation>Record that the witness gave consent again today?</translation>
    </message>
    <message>
        <source>Discard changes…</source>
        <translation>Discard changes…</translation>
    </message>
    <message>
        <source>Bring back the last final revision and forget the changes made since</source>
        <translation>Bring back the last final revision and forget the changes made since</translation>
    </message>
    <message>
        <source>No testimony is open. Choose one in the list, or create one with “New testimony”.</source>
        <translation>No testimony is open. Choose one in the list, or create one with “New testimony”.</translation>
    </message>
    <message>
        <source>Revision %1 was delivered to HQ and stays as it is.</source>
        <translation>Revision %1 was delivered to HQ and stays as it is.</translation>
    </message>
    <message>
        <source>Revision %1 is final and stays as it is.</source>
        <translation>Revision %1 is final and stays as it is.</translation>
    </message>
    <message>
        <source>Changing anything starts the draft of revision %1; you are asked first.</source>
        <translation>Changing anything starts the draft of revision %1; you are asked first.</translation>
    </message>
    <message>
        <source>This is the draft of revision %1. Revision %2 was delivered to HQ and stays as it is.</source>
        <translation>This is the draft of revision %1. Revision %2 was delivered to HQ and stays as it is.</translation>
    </message>
    <message>
        <source>This is the draft of revision %1. Revision %2 is final and stays as it is.</source>
        <translation>This is the draft of revision %1. Revision %2 is final and stays as it is.</translation>
    </message>
    <message>
        <source>Revision %1 is already final: change something to start the next revision.</source>
        <translation>Revision %1 is already final: change something to start the next revision.</translation>
    </message>
    <message>
        <source>Revision %1 was delivered to HQ. Change it? Your changes become the draft of revision %2; revision %1 stays as it is, and HQ keeps what it received. You can discard the changes later.</source>
        <translation>Revision %1 was delivered to HQ. Change it? Your changes become the draft of revision %2; revision %1 stays as it is, and HQ keeps what it received. You can discard the changes later.</translation>
    </message>
    <message>
        <source>Revision %1 is final. Change it? Your changes become the draft of revision %2; revision %1 stays as it is. You can discard the changes later.</source>
        <translation>Revision %1 is final. Change it? Your changes become the draft of revision %2; revision %1 stays as it is. You can discard the changes later.</translation>
    </message>
    <message>
        <source>Start a new revision?</source>
        <translation>Start a new revision?</translation>
    </message>
    <message>
        <source>Start revision %1</source>
        <translation>Start revision %1</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Forget every change made since revision %1 and bring it back as it was? Attached files stay. This cannot be undone.</source>
        <translation>Forget every change made since revision %1 and bring it back as it was? Attached files stay. This cannot be undone.</translation>
    </message>
    <message numerus="yes">
        <source>a violation type for %n acts (choose it in Acts, or remove the acts)</source>
        <translation>
            <numerusform>a violation type for %n act (choose it in Acts, or remove the act)</numerusform>
            <numerusform>a violation type for %n acts (choose it in Acts, or remove the acts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Revision %1 is already final.</source>
        <translation>Revision %1 is already final.</translation>
    </message>
    <message>
        <source>Open a testimony first: the recording is kept with it.</source>
        <translation>Open a testimony first: the recording is kept with it.</translation>
    </message>
    <message>
        <source>Consent was withdrawn: nothing may be recorded until it is renewed.</source>
        <translation>Consent was withdrawn: nothing may be recorded until it is renewed.</translation>
    </message>
    <message>
        <source>The witness has not agreed to audio recording: tick “audio recording” in the Consent section first.</source>
        <translation>The witness has not agreed to audio recording: tick “audio recording” in the Consent section first.</translation>
    </message>
</context>
<context>
    <name>TestimonyModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Interview date</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Violations</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consent withdrawn</translation>
    </message>
    <message>
        <source>Exported, awaiting receipt</source>
        <translation>Exported, awaiting receipt</translation>
    </message>
    <message>
        <source>Final (rev. %1)</source>
        <extracomment>A status with the revision it is about (&quot;Delivered (rev. 2)&quot;); a draft made from a final or delivered revision keeps saying so (&quot;Draft · delivered (rev. 2)&quot;).</extracomment>
        <translation>Final (rev. %1)</translation>
    </message>
    <message>
        <source>Delivered (rev. %1)</source>
        <translation>Delivered (rev. %1)</translation>
    </message>
    <message>
        <source>Draft · final (rev. %1)</source>
        <translation>Draft · final (rev. %1)</translation>
    </message>
    <message>
        <source>Draft · delivered (rev. %1)</source>
        <translation>Draft · delivered (rev. %1)</translation>
    </message>
</context>
<context>
    <name>TextSection</name>
    <message>
        <source>Reliability:</source>
        <translation>Reliability:</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Follow-up:</translation>
    </message>
    <message>
        <source>Referrals:</source>
        <translation>Referrals:</translation>
    </message>
    <message>
        <source>Your own notes: observations, context, what to check. They are not part of the witness&apos;s words.</source>
        <translation>Your own notes: observations, context, what to check. They are not part of the witness&apos;s words.</translation>
    </message>
    <message>
        <source>Interviewer notes</source>
        <translation>Interviewer notes</translation>
    </message>
    <message>
        <source>The witness&apos;s account, as close to their own words as possible.</source>
        <translation>The witness&apos;s account, as close to their own words as possible.</translation>
    </message>
    <message>
        <source>Witness&apos;s account</source>
        <translation>Witness&apos;s account</translation>
    </message>
</context>
<context>
    <name>TravelDialog</name>
    <message>
        <source>TRAVEL</source>
        <translation>TRAVEL</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>Prepare for travel</translation>
    </message>
    <message>
        <source>Travel mode destroys the passphrase keys of this vault on this computer. After it, no passphrase opens the vault here, not even yours: you cannot be forced to open it. Everything in it stays encrypted and untouched.

To open it again, start the app: it offers to make a recovery request. Give the request file to HQ by any channel and read HQ the request code through another channel (in person or by phone). HQ&apos;s answer opens the vault with a new passphrase.

Whoever gets HQ to answer can open the vault: HQ answers only when it is sure the request is yours. The app closes when travel mode is ready.</source>
        <translation>Travel mode destroys the passphrase keys of this vault on this computer. After it, no passphrase opens the vault here, not even yours: you cannot be forced to open it. Everything in it stays encrypted and untouched.

To open it again, start the app: it offers to make a recovery request. Give the request file to HQ by any channel and read HQ the request code through another channel (in person or by phone). HQ&apos;s answer opens the vault with a new passphrase.

Whoever gets HQ to answer can open the vault: HQ answers only when it is sure the request is yours. The app closes when travel mode is ready.</translation>
    </message>
    <message>
        <source>Travel without the vault</source>
        <translation>Travel without the vault</translation>
    </message>
    <message>
        <source>The vault is first written as an encrypted backup to a second drive and read back; then it is removed from this computer (its keys first, then its files). Carry or send the drive separately.</source>
        <translation>The vault is first written as an encrypted backup to a second drive and read back; then it is removed from this computer (its keys first, then its files). Carry or send the drive separately.</translation>
    </message>
    <message>
        <source>To confirm, type %1:</source>
        <translation>To confirm, type %1:</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Confirmation word</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TravelSettingsTab</name>
    <message>
        <source>HQ recovery slot</source>
        <translation>HQ recovery slot</translation>
    </message>
    <message>
        <source>The HQ recovery slot locks a copy of this vault&apos;s key with HQ&apos;s key (from the key card). With it, HQ can open this vault if it gets its files, and can give you access back when you forget the passphrase or after travel mode. Without it, nobody can. It is made again for each new key card.</source>
        <translation>The HQ recovery slot locks a copy of this vault&apos;s key with HQ&apos;s key (from the key card). With it, HQ can open this vault if it gets its files, and can give you access back when you forget the passphrase or after travel mode. Without it, nobody can. It is made again for each new key card.</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Travel</translation>
    </message>
    <message>
        <source>Before crossing a border: make the vault impossible to open on this computer, even for you, until HQ gives access back.</source>
        <translation>Before crossing a border: make the vault impossible to open on this computer, even for you, until HQ gives access back.</translation>
    </message>
    <message>
        <source>Prepare for travel…</source>
        <translation>Prepare for travel…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>An encrypted copy of the whole vault on another drive, which HQ (and, if you choose, a backup passphrase) can open.</source>
        <translation>An encrypted copy of the whole vault on another drive, which HQ (and, if you choose, a backup passphrase) can open.</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>Panic lock</source>
        <translation>Panic lock</translation>
    </message>
    <message>
        <source>%1 or the Hide button locks the vault at once, from anywhere in the app, and empties the clipboard if it holds something copied here. Nothing is deleted.</source>
        <translation>%1 or the Hide button locks the vault at once, from anywhere in the app, and empties the clipboard if it holds something copied here. Nothing is deleted.</translation>
    </message>
    <message>
        <source>Then minimise the window and give it a neutral title</source>
        <translation>Then minimise the window and give it a neutral title</translation>
    </message>
    <message>
        <source>Off: nobody but you can open this vault.</source>
        <translation>Off: nobody but you can open this vault.</translation>
    </message>
    <message>
        <source>On, for HQ&apos;s current key card.</source>
        <translation>On, for HQ&apos;s current key card.</translation>
    </message>
    <message>
        <source>On, but not for HQ&apos;s current key card, or its file is damaged: turn it on again.</source>
        <translation>On, but not for HQ&apos;s current key card, or its file is damaged: turn it on again.</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>Turn off…</translation>
    </message>
    <message>
        <source>Turn on…</source>
        <translation>Turn on…</translation>
    </message>
    <message>
        <source>Turn off the HQ recovery slot? HQ will no longer be able to give you access back, and travel mode will not be possible.</source>
        <translation>Turn off the HQ recovery slot? HQ will no longer be able to give you access back, and travel mode will not be possible.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Turn on the HQ recovery slot?</source>
        <translation>Turn on the HQ recovery slot?</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Turn on</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>NAM Desktop: unlock</source>
        <translation>NAM Desktop: unlock</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Unlock the vault</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation>Create a new vault…</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Vault:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Unlocking</translation>
    </message>
</context>
<context>
    <name>UwaziMessages</name>
    <message>
        <source>The mapping names a template the snapshot does not have</source>
        <translation>The mapping names a template the snapshot does not have</translation>
    </message>
    <message>
        <source>No property of the template has this name</source>
        <translation>No property of the template has this name</translation>
    </message>
    <message>
        <source>Uwazi would read this column under another name</source>
        <translation>Uwazi would read this column under another name</translation>
    </message>
    <message>
        <source>The column appears twice</source>
        <translation>The column appears twice</translation>
    </message>
    <message>
        <source>The property&apos;s type cannot hold this NAM field</source>
        <translation>The property&apos;s type cannot hold this NAM field</translation>
    </message>
    <message>
        <source>Language columns and a plain column for the same property</source>
        <translation>Language columns and a plain column for the same property</translation>
    </message>
    <message>
        <source>This property type takes no language columns</source>
        <translation>This property type takes no language columns</translation>
    </message>
    <message>
        <source>Language columns without the collection&apos;s default language</source>
        <translation>Language columns without the collection&apos;s default language</translation>
    </message>
    <message>
        <source>The language is not installed in the Uwazi collection</source>
        <translation>The language is not installed in the Uwazi collection</translation>
    </message>
    <message>
        <source>A required property would stay empty</source>
        <translation>A required property would stay empty</translation>
    </message>
    <message>
        <source>The title is missing</source>
        <translation>The title is missing</translation>
    </message>
    <message>
        <source>The value is not in the thesaurus (Uwazi would add it silently)</source>
        <translation>The value is not in the thesaurus (Uwazi would add it silently)</translation>
    </message>
    <message>
        <source>A thesaurus group used as a value (Uwazi refuses the row)</source>
        <translation>A thesaurus group used as a value (Uwazi refuses the row)</translation>
    </message>
    <message>
        <source>More than one &quot;::&quot; in a thesaurus value</source>
        <translation>More than one &quot;::&quot; in a thesaurus value</translation>
    </message>
    <message>
        <source>&quot;|&quot; or &quot;::&quot; inside one value: Uwazi would split it</source>
        <translation>&quot;|&quot; or &quot;::&quot; inside one value: Uwazi would split it</translation>
    </message>
    <message>
        <source>Uwazi would read this date differently</source>
        <translation>Uwazi would read this date differently</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <source>A position must be latitude|longitude</source>
        <translation>A position must be latitude|longitude</translation>
    </message>
    <message>
        <source>Latitude or longitude out of range</source>
        <translation>Latitude or longitude out of range</translation>
    </message>
    <message>
        <source>A file named in the row is not in the package</source>
        <translation>A file named in the row is not in the package</translation>
    </message>
    <message>
        <source>Two files would have the same name</source>
        <translation>Two files would have the same name</translation>
    </message>
    <message>
        <source>A file name that is not plain ASCII</source>
        <translation>A file name that is not plain ASCII</translation>
    </message>
    <message>
        <source>A related act is not in the act package (Uwazi would create an empty one)</source>
        <translation>A related act is not in the act package (Uwazi would create an empty one)</translation>
    </message>
    <message>
        <source>Two acts have the same title</source>
        <translation>Two acts have the same title</translation>
    </message>
    <message>
        <source>import.csv would not read back as written</source>
        <translation>import.csv would not read back as written</translation>
    </message>
    <message>
        <source>The row and its files exceed one Uwazi upload (50 MB)</source>
        <translation>The row and its files exceed one Uwazi upload (50 MB)</translation>
    </message>
    <message>
        <source>never finalised</source>
        <translation>never finalised</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consent withdrawn</translation>
    </message>
    <message>
        <source>no consent to documentation</source>
        <translation>no consent to documentation</translation>
    </message>
    <message>
        <source>no consent to anonymous publication</source>
        <translation>no consent to anonymous publication</translation>
    </message>
    <message>
        <source>the witness&apos;s name or contacts appear in the text</source>
        <translation>the witness&apos;s name or contacts appear in the text</translation>
    </message>
    <message>
        <source>file without a cleaned version</source>
        <translation>file without a cleaned version</translation>
    </message>
    <message>
        <source>interview recording (not sent to Uwazi)</source>
        <translation>interview recording (not sent to Uwazi)</translation>
    </message>
    <message>
        <source>files too large for one Uwazi upload</source>
        <translation>files too large for one Uwazi upload</translation>
    </message>
    <message>
        <source>The snapshot folder must hold templates.json, dictionaries.json and settings.json exactly as the Uwazi API returned them.</source>
        <translation>The snapshot folder must hold templates.json, dictionaries.json and settings.json exactly as the Uwazi API returned them.</translation>
    </message>
    <message>
        <source>Choose the snapshot folder: none is stored yet.</source>
        <translation>Choose the snapshot folder: none is stored yet.</translation>
    </message>
    <message>
        <source>The mapping file is not valid (see docs/uwazi.md).</source>
        <translation>The mapping file is not valid (see docs/uwazi.md).</translation>
    </message>
    <message>
        <source>The packages would not import as meant. Nothing was written.</source>
        <translation>The packages would not import as meant. Nothing was written.</translation>
    </message>
    <message>
        <source>The output folder cannot be used.</source>
        <translation>The output folder cannot be used.</translation>
    </message>
    <message>
        <source>The output folder could not be written (full or removed?). Nothing was kept.</source>
        <translation>The output folder could not be written (full or removed?). Nothing was kept.</translation>
    </message>
    <message>
        <source>A record or file in the vault does not match its recorded hash. Run a vault check.</source>
        <translation>A record or file in the vault does not match its recorded hash. Run a vault check.</translation>
    </message>
    <message>
        <source>That export is not known.</source>
        <translation>That export is not known.</translation>
    </message>
    <message>
        <source>This needs an HQ vault.</source>
        <translation>This needs an HQ vault.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was kept.</source>
        <translation>Cancelled. Nothing was kept.</translation>
    </message>
    <message>
        <source>first snapshot</source>
        <translation>first snapshot</translation>
    </message>
    <message>
        <source>template added</source>
        <translation>template added</translation>
    </message>
    <message>
        <source>template removed</source>
        <translation>template removed</translation>
    </message>
    <message>
        <source>property added</source>
        <translation>property added</translation>
    </message>
    <message>
        <source>property removed</source>
        <translation>property removed</translation>
    </message>
    <message>
        <source>property renamed</source>
        <translation>property renamed</translation>
    </message>
    <message>
        <source>property type changed</source>
        <translation>property type changed</translation>
    </message>
    <message>
        <source>property points elsewhere</source>
        <translation>property points elsewhere</translation>
    </message>
    <message>
        <source>thesaurus added</source>
        <translation>thesaurus added</translation>
    </message>
    <message>
        <source>thesaurus removed</source>
        <translation>thesaurus removed</translation>
    </message>
    <message>
        <source>value added</source>
        <translation>value added</translation>
    </message>
    <message>
        <source>value removed</source>
        <translation>value removed</translation>
    </message>
    <message>
        <source>language added</source>
        <translation>language added</translation>
    </message>
    <message>
        <source>language removed</source>
        <translation>language removed</translation>
    </message>
    <message>
        <source>default language changed</source>
        <translation>default language changed</translation>
    </message>
    <message>
        <source>date format changed</source>
        <translation>date format changed</translation>
    </message>
    <message>
        <source>property naming changed</source>
        <translation>property naming changed</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Acts</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
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
        <translation>This vault is waiting for access from HQ</translation>
    </message>
    <message>
        <source>No passphrase opens it on this computer. To open it again:
1. Make a recovery request and give the file to HQ, by any channel.
2. Read HQ the request code through another channel: in person, or in a call.
3. Open HQ&apos;s answer here and choose a new passphrase.</source>
        <translation>No passphrase opens it on this computer. To open it again:
1. Make a recovery request and give the file to HQ, by any channel.
2. Read HQ the request code through another channel: in person, or in a call.
3. Open HQ&apos;s answer here and choose a new passphrase.</translation>
    </message>
    <message>
        <source>Make a recovery request…</source>
        <translation>Make a recovery request…</translation>
    </message>
    <message>
        <source>Open HQ&apos;s answer…</source>
        <translation>Open HQ&apos;s answer…</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>Open the vault</translation>
    </message>
    <message>
        <source>Open another vault…</source>
        <translation>Open another vault…</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Where to save the recovery request</source>
        <translation>Where to save the recovery request</translation>
    </message>
    <message>
        <source>The request was saved as %1. Give it to HQ, then read them this request code through another channel. Only the newest request can be answered.</source>
        <translation>The request was saved as %1. Give it to HQ, then read them this request code through another channel. Only the newest request can be answered.</translation>
    </message>
    <message>
        <source>HQ&apos;s answer</source>
        <translation>HQ&apos;s answer</translation>
    </message>
</context>
<context>
    <name>WitnessSection</name>
    <message>
        <source>Pseudonym:</source>
        <translation>Pseudonym:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Gender:</translation>
    </message>
    <message>
        <source>Age group:</source>
        <translation>Age group:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documents:</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Hide identity</source>
        <translation>Hide identity</translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation>Show identity</translation>
    </message>
    <message>
        <source>Identity (kept separately, never exported without need)</source>
        <translation>Identity (kept separately, never exported without need)</translation>
    </message>
    <message>
        <source>The real name and contacts stay hidden until you ask. Make sure nobody is looking at the screen.</source>
        <translation>The real name and contacts stay hidden until you ask. Make sure nobody is looking at the screen.</translation>
    </message>
</context>
</TS>
