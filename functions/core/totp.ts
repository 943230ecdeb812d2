/** The otpauth URI an authenticator app reads (from a QR code or a link): issuer, account and the secret Cognito gave. */
export function otpauthUri(issuer: string, account: string, secretCode: string): string {
  return `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secretCode}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
