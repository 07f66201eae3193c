import { Fragment } from 'react';
import { emailLineBreaks } from '@/lib/email-line-breaks';

// An email that wraps only where a reader expects (before the @ and the dots; see
// emailLineBreaks), never mid-word; `break-words` splits a piece only if it alone is wider than
// the whole column. Copying it still gives the email: <wbr> adds no character.
export function WrappingEmail({ email }: { email: string }) {
  return (
    <span className="break-words" data-testid="wrapping-email">
      {emailLineBreaks(email).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </span>
  );
}
