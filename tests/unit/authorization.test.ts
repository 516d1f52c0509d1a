import { ForbiddenError, NotFoundError } from '../../src/core/errors';
import { ACTIONS, PERMISSIONS, authorize, decide } from '../../src/core/rules/authorization';
import { errorText } from '../../src/core/rules/messages';
import { t } from '../../src/core/texts';

const customer = { id: 10, tier: null, isAdmin: false };
const otherCustomer = { id: 11, tier: null, isAdmin: false };
const supporters = [1, 2, 3].map((tier) => ({ id: 20 + tier, tier: tier as 1 | 2 | 3, isAdmin: false }));
const admin = { id: 30, tier: null, isAdmin: true };
const adminWithTier = { id: 31, tier: 2 as const, isAdmin: true };
const ownTicket = { customerId: customer.id, number: 6 };

/** PRODUCT.md's People table, written out as expectations, action by action. */
const expected: Record<string, { customer: 'yes' | 'own' | 'no'; supporter: boolean; admin: boolean }> = {
  'ticket.open': { customer: 'yes', supporter: true, admin: true },
  'ticket.open_on_behalf': { customer: 'no', supporter: true, admin: true },
  'ticket.view': { customer: 'own', supporter: true, admin: true },
  'ticket.comment': { customer: 'own', supporter: true, admin: true },
  'ticket.transcript': { customer: 'own', supporter: true, admin: true },
  'ticket.mark_solved': { customer: 'own', supporter: false, admin: false },
  'ticket.reopen': { customer: 'own', supporter: true, admin: true },
  'ticket.note': { customer: 'no', supporter: true, admin: true },
  'ticket.view_internal': { customer: 'no', supporter: true, admin: true },
  'ticket.claim': { customer: 'no', supporter: true, admin: true },
  'ticket.set_pending': { customer: 'no', supporter: true, admin: true },
  'ticket.resolve': { customer: 'no', supporter: true, admin: true },
  'ticket.change_type': { customer: 'no', supporter: true, admin: true },
  'ticket.change_priority': { customer: 'no', supporter: true, admin: true },
  'ticket.reassign': { customer: 'no', supporter: true, admin: true },
  'ticket.escalate': { customer: 'no', supporter: true, admin: true },
  'ticket.list_all': { customer: 'no', supporter: true, admin: true },
  'comment.redact': { customer: 'no', supporter: false, admin: true },
  'ticket.redact': { customer: 'no', supporter: false, admin: true },
  'person.forget': { customer: 'no', supporter: false, admin: true },
  'person.export': { customer: 'no', supporter: false, admin: true },
  'kb.read_public': { customer: 'yes', supporter: true, admin: true },
  'kb.read_staff': { customer: 'no', supporter: true, admin: true },
  'kb.write': { customer: 'no', supporter: true, admin: true },
  'kb.mark_special': { customer: 'no', supporter: false, admin: true },
  'staff.manage': { customer: 'no', supporter: false, admin: true },
  'staff.away_self': { customer: 'no', supporter: true, admin: true },
  'staff.away_other': { customer: 'no', supporter: false, admin: true },
  'staff.link': { customer: 'no', supporter: true, admin: true },
  'settings.manage': { customer: 'no', supporter: false, admin: true },
  'sla.manage': { customer: 'no', supporter: false, admin: true },
  'catalog.manage': { customer: 'no', supporter: false, admin: true },
  'ticket.major': { customer: 'no', supporter: true, admin: true },
  'stats.view': { customer: 'no', supporter: false, admin: true },
  'ticket.export': { customer: 'no', supporter: false, admin: true },
  'replies.manage': { customer: 'no', supporter: false, admin: true },
  'replies.use': { customer: 'no', supporter: true, admin: true },
  // Whoever is the ticket's customer rates it (staff too, on their own tickets): never someone else's.
  'ticket.rate': { customer: 'own', supporter: false, admin: false },
  // Everyone chooses their own language and reads the commands they may run.
  'person.language': { customer: 'yes', supporter: true, admin: true },
  'help.read': { customer: 'yes', supporter: true, admin: true },
  'dashboard.sign_in': { customer: 'yes', supporter: true, admin: true },
};

describe('the authorisation table', () => {
  test('covers every action the core offers, and nothing else', () => {
    expect(ACTIONS.sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(ACTIONS)('%s', (action) => {
    const want = expected[action];
    test('a customer on their own ticket', () => {
      expect(decide(customer, action, ownTicket).allowed).toBe(want.customer !== 'no');
    });
    test("a customer on someone else's ticket", () => {
      const decision = decide(otherCustomer, action, ownTicket);
      expect(decision.allowed).toBe(want.customer === 'yes');
      if (!decision.allowed)
        expect(t('en', `errors.because.${decision.because || 'staffOnly'}`).length).toBeGreaterThan(10);
    });
    test('supporters of every tier', () => {
      for (const supporter of supporters) expect(decide(supporter, action, ownTicket).allowed).toBe(want.supporter);
    });
    test('admins, with or without a tier', () => {
      expect(decide(admin, action, ownTicket).allowed).toBe(want.admin);
      expect(decide(adminWithTier, action, ownTicket).allowed).toBe(want.admin);
    });
  });

  test("a refusal is said in the reader's language; its English is the error's message", () => {
    const error = (() => {
      try {
        authorize(customer, 'ticket.note');
      } catch (e) {
        return e as ForbiddenError;
      }
    })()!;
    expect(error.message).toBe("You can't do that: internal notes are for staff only.");
    expect(errorText(error, 'da')).toBe('Det kan du ikke: interne noter er kun for personalet.');
    expect(errorText(new ForbiddenError('Plain words.'), 'da')).toBe('Plain words.');
  });

  test('a refusal says why, and is a ForbiddenError', () => {
    expect(() => authorize(supporters[0], 'staff.manage')).toThrow(ForbiddenError);
    expect(() => authorize(supporters[0], 'staff.manage')).toThrow('admin');
    expect(() => authorize(customer, 'ticket.claim', ownTicket)).toThrow('only support staff');
  });

  test("about someone else's ticket a customer hears what a missing ticket gets: nothing about it", () => {
    expect(() => authorize(otherCustomer, 'ticket.comment', ownTicket)).toThrow(NotFoundError);
    expect(() => authorize(otherCustomer, 'ticket.claim', ownTicket)).toThrow(
      new NotFoundError(`There is no ticket #${ownTicket.number} that you can see.`),
    );
  });

  test('every rule has a reason to give when it refuses someone', () => {
    for (const [action, rule] of Object.entries(PERMISSIONS)) {
      const refusesSomeone = [rule.customer, rule.supporter, rule.admin].some((g) => g !== 'yes');
      if (refusesSomeone)
        expect([action, rule.because !== '' && t('en', `errors.because.${rule.because}`).length > 5]).toEqual([
          action,
          true,
        ]);
    }
  });
});
