import type { ValueListKey } from './valueLists';

/** What a column holds; decides how a cell is read and which Excel validation it gets. */
export type FieldType = 'text' | 'date' | 'enum' | 'phone' | 'number' | 'person' | 'ref';

/** A condition on another field of the same row. */
export interface Condition {
  readonly field: string;
  /** The other field holds one of these values. */
  readonly is?: readonly string[];
  /** The other field is filled (true) or empty (false). */
  readonly filled?: boolean;
}

/** One column of a register, as data: everything later (sheets, validation, sync) derives from it. */
export interface FieldDef {
  /** Stable English key used in code, JSON and the cloud. */
  readonly key: string;
  /** The Chinese header exactly as the handbook writes it. */
  readonly header: string;
  readonly type: FieldType;
  /** Always required, or required when a condition holds. */
  readonly required?: boolean | { readonly when: Condition };
  /** Must stay empty when a condition holds (an anonymous appeal has no phone). */
  readonly forbidden?: { readonly when: Condition };
  /** For enum fields: the value list the cell must come from. */
  readonly list?: ValueListKey;
  /** For ref fields: the register and key field it points at. */
  readonly ref?: { readonly register: string; readonly field: string };
  /** No two rows may share a value. */
  readonly unique?: boolean;
  /** Appellant identity: removed for management, the cloud and anyone but the union. */
  readonly identity?: 'name' | 'phone';
  /** For person fields: the appellant may be recorded as 匿名. */
  readonly allowAnonymous?: boolean;
  /** For date fields: the date may lie ahead of today (a deadline, a planned meeting). */
  readonly future?: boolean;
  /** For date fields: fields of the same row this date may not precede. */
  readonly notBefore?: readonly string[];
  /** Fields of the same row that must be filled before this one may be. */
  readonly needs?: readonly string[];
  /** For number fields: inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
  /** Column width in characters. */
  readonly width?: number;
  /** Input prompt shown in Excel, in Chinese. */
  readonly prompt?: string;
  /** The schema version that added the column (1 when absent). */
  readonly since?: number;
  /** Headers this column had in earlier schema versions, so old workbooks are adopted. */
  readonly formerHeaders?: readonly string[];
}

/** Where a register sits in the product. */
export type RegisterKind = 'register' | 'settings' | 'generated';

/** A register (one sheet, one Excel table) as data. */
export interface RegisterDef {
  readonly key: string;
  /** Sheet name, in Chinese. */
  readonly sheet: string;
  /** Excel table name (ASCII, stable across versions). */
  readonly table: string;
  /** The handbook's name of the form. */
  readonly title: string;
  /** The step of the eight-step method it belongs to (0: settings). */
  readonly step: number;
  readonly kind: RegisterKind;
  readonly fields: readonly FieldDef[];
  /** The field that identifies a row, when there is one. */
  readonly idField?: string;
}

/** The typed value of a field: numbers for number fields, text (dates as YYYY-MM-DD) otherwise. */
export type FieldValue<F extends FieldDef> = F['type'] extends 'number' ? number : string;

/** A record of a register, inferred from its definition; a field is absent when its cell is empty or invalid. */
export type RegisterRecord<R extends { readonly fields: readonly FieldDef[] }> = {
  -readonly [F in R['fields'][number] as F['key']]?: FieldValue<F>;
};

/** Keeps the literal types of a register definition so records can be inferred from it. */
export const defineRegister = <const R extends RegisterDef>(register: R): R => register;
