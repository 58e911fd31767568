import { Type } from 'typebox';

/** A `date-time` string schema: RFC 3339, checked strictly once the package is loaded. */
export function DateTime(description: string) {
  return Type.String({ format: 'date-time', description });
}
