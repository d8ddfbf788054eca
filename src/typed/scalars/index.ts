/** The scalar codecs of the typed layer: one pure reader and writer per .NET type. */
export { ScalarError } from './scalar-error.js';
export { readBoolean, writeBoolean } from './boolean.js';
export { readInt, readLong, writeInt, writeLong, readIntegerIn, writeIntegerIn, readULong, writeULong, BYTE, SBYTE, SHORT, USHORT, UINT, type IntegerRange } from './integer.js';
export { readDouble, readFloat, writeDouble, writeFloat } from './number.js';
export { readDecimal, writeDecimal } from './decimal.js';
export { JsvDateTime, readDateTime, writeDateTime, readDate, writeDate, type DateTimeKind } from './date-time.js';
export { JsvTimeSpan, readTimeSpan, writeTimeSpan } from './time-span.js';
export { JsvDateTimeOffset, readDateTimeOffset, writeDateTimeOffset } from './date-time-offset.js';
export { isDateOnly, readDateOnly, writeDateOnly } from './date-only.js';
export { isTimeOnly, readTimeOnly, writeTimeOnly } from './time-only.js';
export { readGuid, writeGuid } from './guid.js';
export { readChar, writeChar } from './char.js';
export { readBytes, writeBytes } from './bytes.js';
export { enumNameLookup } from './enum-name.js';
