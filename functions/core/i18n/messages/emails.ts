import { defineCatalog } from '../catalog.ts';

/** Phrases Portico writes into email values (the templates hold the rest, per language, in templates/email/). */
export const emailWords = defineCatalog(
  {
    'due.onReceipt': 'Due on receipt',
    'due.validUntil': 'Valid until {date}',
    'due.noExpiry': 'No expiry date',
    'credentials.newPasswordAtFirstSignIn': 'You will be asked to choose a new password the first time you sign in.',
    'receipt.document': '{number}: {applied} applied, {balance} still due',
  },
  {
    de: {
      'due.onReceipt': 'Sofort fällig',
      'due.validUntil': 'Gültig bis {date}',
      'due.noExpiry': 'Ohne Ablaufdatum',
      'credentials.newPasswordAtFirstSignIn': 'Bei der ersten Anmeldung werden Sie gebeten, ein neues Passwort zu wählen.',
      'receipt.document': '{number}: {applied} verbucht, noch offen {balance}',
    },
    fr: {
      'due.onReceipt': 'Payable à réception',
      'due.validUntil': 'Valable jusqu’au {date}',
      'due.noExpiry': 'Sans date d’expiration',
      'credentials.newPasswordAtFirstSignIn': 'Vous devrez choisir un nouveau mot de passe lors de votre première connexion.',
      'receipt.document': '{number} : {applied} affecté, reste {balance} à payer',
    },
    es: {
      'due.onReceipt': 'Pago a la recepción',
      'due.validUntil': 'Válido hasta el {date}',
      'due.noExpiry': 'Sin fecha de caducidad',
      'credentials.newPasswordAtFirstSignIn': 'Se le pedirá que elija una nueva contraseña la primera vez que inicie sesión.',
      'receipt.document': '{number}: {applied} aplicado, {balance} pendiente',
    },
  },
);
