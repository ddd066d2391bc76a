"""Pieces every screen shares: message boxes and status words, workers, dates, file
dialogs, search, previews, passphrase fields, style, translations, the collaborators
(``AppContext``) and the testimony list model. Imports no screen."""
