// Plays the runner's side of the Python call protocol for a fake driver: answers each batch the
// grader sends with `answer` (given the call's arguments and its index in arrival order) until the
// grader says "end", and returns every call's arguments in the order they came. `seen` may be
// passed in to read the calls before the grade is in (the grade may come before the runner's end).
export async function answerCalls(
  channel: { send: (message: object) => void; replies: string[] },
  answer: (args: unknown[], index: number) => object,
  seen: unknown[][] = [],
) {
  for (let handled = 0; ; ) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    while (handled < channel.replies.length) {
      const message = JSON.parse(channel.replies[handled++]!) as { t: string; batch: string; calls: { id: string; args: unknown[] }[] };
      if (message.t === 'end') return seen;
      for (const call of message.calls) {
        channel.send({ t: 'result', id: call.id, ...answer(call.args, seen.length) });
        seen.push(call.args);
      }
      channel.send({ t: 'batch_done', batch: message.batch });
    }
  }
}
