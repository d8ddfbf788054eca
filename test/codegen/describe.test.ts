/** describeApi: an api table of schemas → the MetadataTypes document ServiceStack serves. */
import { describe, expect, it } from 'vitest';
import { codegen } from '../../src/codegen/codegen.js';
import { describeApi } from '../../src/codegen/describe.js';
import { api } from './sample-api.js';

const metadata = describeApi(api);
const type = (name: string) => [...metadata.types, ...metadata.operations.flatMap((op) => [op.request, ...(op.response ? [op.response] : [])])].find((t) => t.name === name);
const property = (typeName: string, name: string) => type(typeName)?.properties?.find((p) => p.name === name);

describe('describeApi', () => {
  it('describes enums with their values, wire names and flags', () => {
    expect(type('Priority')).toMatchObject({ isEnum: true, enumNames: ['Low', 'High', 'InProgress'], enumValues: ['1', '10', '11'], enumMemberValues: ['Low', 'High', 'in-progress'] });
    expect(type('Access')).toMatchObject({ isEnum: true, isEnumInt: true, enumNames: ['None', 'Read', 'Write'], enumValues: ['0', '1', '2'] });
  });

  it('describes members by their .NET types, nullable unless they always have a value', () => {
    expect(property('Booking', 'Id')).toMatchObject({ type: 'Int64', namespace: 'System', isValueType: true });
    expect(property('Booking', 'Cost')).toMatchObject({ type: 'Nullable`1', genericArgs: ['Decimal'] });
    expect(property('Booking', 'Nights')).toMatchObject({ type: 'Byte', isValueType: true });
    expect(property('Booking', 'Name')).toMatchObject({ type: 'String', attributes: [{ name: 'Required' }] });
    expect(property('Booking', 'Day')).toMatchObject({ type: 'DayOfWeek', namespace: 'System', isEnum: true });
    expect(property('Booking', 'Priority')).toMatchObject({ type: 'Nullable`1', genericArgs: ['Priority'], isEnum: true });
    expect(property('Booking', 'Tags')).toMatchObject({ type: 'List`1', genericArgs: ['String'] });
    expect(property('Booking', 'Scores')).toMatchObject({ type: 'Dictionary`2', genericArgs: ['Guid', 'Int32'] });
    expect(property('Booking', 'Pair')).toMatchObject({ type: 'Nullable`1', genericArgs: ['KeyValuePair<String,Int32>'] });
    expect(property('Booking', 'Extra')).toMatchObject({ type: 'Object' });
    expect(property('Booking', 'Parent')).toMatchObject({ type: 'Booking' });
    expect(type('Booking')?.inherits).toEqual({ name: 'Audited', namespace: 'ServiceModel' });
    // An anonymous t.object is named after where it is used.
    expect(property('CreateBooking', 'Notes')).toMatchObject({ type: 'List`1', genericArgs: ['CreateBookingNotesItem'] });
  });

  it('refers to jsvkit/servicestack types instead of defining them', () => {
    expect(property('CreateBookingResponse', 'ResponseStatus')).toMatchObject({ type: 'ResponseStatus', namespace: 'ServiceStack' });
    expect(type('ResponseStatus')).toBeUndefined();
    expect(metadata.operations[0]!.returnType).toEqual({ name: 'QueryResponse`1', namespace: 'ServiceStack', genericArgs: ['Booking'] });
  });

  it('describes operations: verbs, routes, auth, roles, permissions, void responses', () => {
    const [query, create, remove] = metadata.operations;
    expect(query).toMatchObject({ actions: ['GET'], method: 'GET', routes: [{ path: '/bookings', verbs: 'GET' }] });
    expect(create).toMatchObject({ actions: ['POST', 'PUT'], method: 'POST', routes: [{ path: '/bookings', verbs: 'POST,PUT' }], requiresAuth: true, requiredRoles: ['Employee'], tags: ['bookings'], response: { name: 'CreateBookingResponse' } });
    expect(remove).toMatchObject({ returnsVoid: true, routes: [{ path: '/bookings/{Id}' }], requiresAnyRole: ['Manager', 'Admin'], requiredPermissions: ['delete'] });
    expect(remove!.routes![0]).not.toHaveProperty('verbs');
  });

  it('is a document codegen reads back (the law itself runs in codegen.test.ts)', () => {
    const text = codegen(JSON.stringify(metadata), { case: 'camel' });
    expect(text).toMatch(/export const Booking = Audited\.extend\(\{/);
    expect(text).toMatch(/priority: Priority,\n/);
    expect(text).toMatch(/values: \{ Low: 1, High: 10, InProgress: 11 \}, wireNames: \{ InProgress: 'in-progress' \}/);
    expect(text).toMatch(/QueryBookings: operation\(\{ request: QueryBookings, response: QueryResponse\(Booking\),/);
  });
});
