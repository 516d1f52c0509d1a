import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';

type Listener = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => unknown;
const KINDS = ['command', 'action', 'view', 'shortcut', 'event'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Bolt offers every request to every listener in turn: each is a little middleware chain
 * (type check, constraint match) that copies the request's arguments at every step. With some
 * thirty listeners that was the largest part of the app's own work per request in a burst of
 * `/ticket`s, ahead of the handler itself. This table finds a request's listeners with one map
 * lookup (plus the few patterns), from one global middleware, and calls them with the arguments
 * Bolt would have given them; matching follows Bolt's: a command by name, an action by
 * `action_id`, a view submission and a shortcut by `callback_id`, an event by its type.
 */
export class ListenerTable {
  private readonly exact = new Map<string, Listener[]>();
  private readonly patterns: Array<{ kind: Kind; pattern: RegExp; listener: Listener }> = [];

  /**
   * The app as the register functions see it: `command`, `action`, `view`, `shortcut` and `event`
   * fill this table; everything else (the client, `message`, `use`) is the app's own.
   */
  registrar(app: App): App {
    const registrar = Object.create(app) as App;
    for (const kind of KINDS) {
      Object.defineProperty(registrar, kind, {
        value: (id: string | RegExp, ...listeners: Listener[]) => this.add(kind, id, listeners),
      });
    }
    return registrar;
  }

  readonly middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const target = targetOf(args.body as Record<string, any>);
    const listeners: Listener[] = [];
    if (target) {
      listeners.push(...(this.exact.get(`${target.kind}:${target.id}`) ?? []));
      for (const p of this.patterns)
        if (p.kind === target.kind && p.pattern.test(target.id)) listeners.push(p.listener);
    }
    if (listeners.length === 0) return args.next();
    // The middleware's own arguments: a listener's `next` would go on to Bolt's listeners, of which there are none.
    await Promise.all(listeners.map((listener) => listener(args as AnyMiddlewareArgs & AllMiddlewareArgs)));
  };

  /** Every id (or pattern) registered, by kind. */
  entries(): Array<{ kind: Kind; id: string | RegExp }> {
    return [
      ...[...this.exact.keys()].map((key) => {
        const [kind, ...rest] = key.split(':');
        return { kind: kind as Kind, id: rest.join(':') };
      }),
      ...this.patterns.map(({ kind, pattern }) => ({ kind, id: pattern })),
    ];
  }

  private add(kind: Kind, id: string | RegExp, listeners: Listener[]): void {
    // Bolt allows middleware before a listener; none of ours uses it, so one listener per id is all this keeps.
    if (listeners.length !== 1) throw new Error(`slack ${kind} ${String(id)}: register exactly one listener`);
    const [listener] = listeners;
    if (id instanceof RegExp) {
      this.patterns.push({ kind, pattern: id, listener });
      return;
    }
    const key = `${kind}:${id}`;
    this.exact.set(key, [...(this.exact.get(key) ?? []), listener]);
  }
}

/** Which listeners a request is for, the way Bolt's built-in constraints read it. */
function targetOf(body: Record<string, any>): { kind: Kind; id: string } | null {
  if (typeof body.command === 'string') return { kind: 'command', id: body.command };
  switch (body.type) {
    case 'block_actions':
      return typeof body.actions?.[0]?.action_id === 'string'
        ? { kind: 'action', id: body.actions[0].action_id }
        : null;
    case 'view_submission':
      return typeof body.view?.callback_id === 'string' ? { kind: 'view', id: body.view.callback_id } : null;
    case 'shortcut':
    case 'message_action':
      return typeof body.callback_id === 'string' ? { kind: 'shortcut', id: body.callback_id } : null;
    case 'event_callback':
      return typeof body.event?.type === 'string' ? { kind: 'event', id: body.event.type } : null;
    default:
      return null;
  }
}
