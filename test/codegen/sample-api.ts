/** An api table that uses what describeApi must describe: enums with values and wire names, flags, inheritance, jsvkit/servicestack types, nullable value members, routes and roles. */
import { operation, t } from 'jsvkit';
import { DayOfWeek, QueryResponse, ResponseStatus } from 'jsvkit/servicestack';

export const Priority = t.enum(['Low', 'High', 'InProgress'] as const, { name: 'Priority', values: { Low: 1, High: 10 }, wireNames: { InProgress: 'in-progress' } });
export const Access = t.flags({ None: 0, Read: 1, Write: 2 }, 'Access');

export const Audited = t.object({ createdBy: t.string(), version: t.int().default(0) }, { name: 'Audited' });

export const Booking = Audited.extend(
  {
    id: t.long().default(0n),
    name: t.string().required(),
    cost: t.decimal(),
    nights: t.byte().default(0),
    day: DayOfWeek.default('Sunday'),
    priority: Priority,
    access: Access.default(0),
    tags: t.array(t.string().nullable()),
    scores: t.dict(t.int(), { key: t.guid() }),
    pair: t.keyValuePair(t.string(), t.int()),
    extra: t.any(),
    get parent() {
      return Booking;
    },
  },
  { name: 'Booking' },
);

export const QueryBookings = t.object({ day: DayOfWeek, skip: t.int() }, { name: 'QueryBookings' });
export const CreateBooking = t.object({ booking: Booking, notes: t.array(t.object({ text: t.string() })) }, { name: 'CreateBooking' });
export const CreateBookingResponse = t.object({ id: t.long().default(0n), responseStatus: ResponseStatus }, { name: 'CreateBookingResponse' });
export const DeleteBooking = t.object({ id: t.long().default(0n) }, { name: 'DeleteBooking' });

export const api = {
  QueryBookings: operation({ request: QueryBookings, response: QueryResponse(Booking), verbs: ['GET'], routes: [{ path: '/bookings', verbs: ['GET'] }] }),
  CreateBooking: operation({ request: CreateBooking, response: CreateBookingResponse, routes: [{ path: '/bookings', verbs: ['POST', 'PUT'] }], requiredRoles: ['Employee'], tags: ['bookings'] }),
  DeleteBooking: operation({ request: DeleteBooking, verbs: ['DELETE'], routes: [{ path: '/bookings/{Id}' }], requiresAnyRole: ['Manager', 'Admin'], requiredPermissions: ['delete'] }),
} as const;
