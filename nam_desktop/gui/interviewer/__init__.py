"""The interviewer's workspace: the testimony list, the editor and its sections (acts,
attachments, recorder, history) and the printed summary."""
