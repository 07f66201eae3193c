// An email cut into the pieces a line may break between, the way a typesetter breaks one: before
// the @ and before each dot, after a hyphen, underscore or plus. Joined, the pieces are the email.
// Client-safe.
export function emailLineBreaks(email: string): string[] {
  return email.split(/(?=[@.])|(?<=[-_+])/).filter(Boolean);
}
