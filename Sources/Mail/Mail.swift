// The Mail module delivers the outbox's messages (see Domain/Outbox/Mail.swift for the contract):
//   SMTPConfiguration  the smtp:// / smtp+starttls:// / smtps:// URL an operator configures
//   SMTPTransport      one SMTP connection per message, errors classified transient / permanent
//   MailFormat         OutgoingMail → RFC 5322 text (encoded-words, quoted-printable, dot-stuffing)
