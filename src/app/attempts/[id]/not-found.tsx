import { NotFoundMessage } from '@/components/ui/not-found-message';

// The same answer for an attempt that is not there and another candidate's (getAttempt: 404, never 403).
export default function NotFound() {
  return <NotFoundMessage>You have no attempt at this address. An attempt can be opened only by the person who made it.</NotFoundMessage>;
}
