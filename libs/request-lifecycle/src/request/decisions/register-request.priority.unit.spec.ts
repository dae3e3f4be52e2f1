import { DomainError } from '../../shared/domain-error';
import { commands, events, spec, thrownWith } from '../test-support/request.fixtures';

describe('RegisterRequest with a priority (issue #17 item 5)', () => {
  it("takes the category's default when the operator names none", () => {
    spec([])
      .when(commands.registerRequest({ defaultPriority: 'critical' }))
      .then({
        ...events.requestRegistered(),
        data: { ...events.requestRegistered().data, priority: 'critical' },
      });
  });

  it('keeps the operator’s judgement with its reason, normalised', () => {
    const registered = events.requestRegistered();
    spec([])
      .when(commands.registerRequest({ priority: 'urgent', priorityReason: ' بیمار  دیالیزی ' }))
      .then({
        ...registered,
        data: { ...registered.data, priority: 'urgent', priorityReason: 'بیمار دیالیزی' },
      });
  });

  it("refuses a priority other than the category's default without a reason", () => {
    spec([])
      .when(commands.registerRequest({ defaultPriority: 'critical', priority: 'normal' }))
      .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'priorityReason'));
  });

  it('refuses an unknown priority', () => {
    spec([])
      .when(commands.registerRequest({ priority: 'soon' as never, priorityReason: 'x' }))
      .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'priority'));
  });

  it('a repeat with the same priority changes nothing; another priority is another registration', () => {
    const registered = events.requestRegistered();
    const critical = { ...registered, data: { ...registered.data, priority: 'critical' as const } };
    spec([critical])
      .when(commands.registerRequest({ defaultPriority: 'critical' }))
      .then([]);
    spec([critical])
      .when(commands.registerRequest())
      .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_REGISTERED'));
  });
});
