import { NotFoundMessage } from '@/components/ui/not-found-message';

export default function NotFound() {
  return <NotFoundMessage>That question does not exist, or is no longer published.</NotFoundMessage>;
}
