import { excelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import { emptyPlan, type LoadPlan } from './load-plan';

// Members here are method signatures on purpose: their bivariance lets every ClientObject<T> pass as
// ClientObject<unknown>, which property-style function types would forbid.

/** How one scalar property reads from (and optionally writes to) the model. */
export interface PropSpec<T> {
  get(target: T, wb: WorkbookModel): unknown;
  set?(target: T, value: unknown, wb: WorkbookModel): void;
}

/** A navigation property: another proxy type whose target derives from this one's. */
export interface NavSpec<T> {
  schema(): TypeSchema<never>;
  target(target: T, wb: WorkbookModel): unknown;
}

/** Everything the generic machinery needs to know about one Excel type. */
export interface TypeSchema<T> {
  readonly typeName: string;
  readonly props: Readonly<Record<string, PropSpec<T>>>;
  readonly nav?: Readonly<Record<string, NavSpec<T>>>;
  /** For collections: the members and their type. */
  readonly items?: { schema(): TypeSchema<never>; list(target: T, wb: WorkbookModel): readonly unknown[] };
  /** Whether the target was deleted since the proxy was bound. */
  isDead?(target: T): boolean;
  /** Vetoes a read before any value is computed (Excel's 5 million cell limit). */
  checkRead?(target: T, names: readonly string[]): void;
}

/** Loaded values for one proxy, its navigation children and (for collections) its items. */
export interface LoadedNode {
  readonly isNull: boolean;
  readonly values: Record<string, unknown>;
  readonly children: Record<string, LoadedNode>;
  readonly items?: { readonly target: unknown; readonly node: LoadedNode }[];
}

/** The response JSON of a loaded node, which is what Excel sends back and what the response limit counts. */
export function wireValue(node: LoadedNode): unknown {
  if (node.isNull) return null;
  const out: Record<string, unknown> = { ...node.values };
  for (const [k, c] of Object.entries(node.children)) out[k] = wireValue(c);
  if (node.items) out.value = node.items.map((i) => wireValue(i.node));
  return out;
}

function unknownProperty(schema: TypeSchema<never>, name: string): never {
  throw excelError(
    'InvalidArgument',
    `${schema.typeName}.load`,
    `'${name}' is not a property of ${schema.typeName} in the simulator`,
  );
}

/** Reads the properties a plan asks for, now, from the model: the values a `load()` returns. */
export function snapshot(
  schema: TypeSchema<never>,
  target: unknown,
  plan: LoadPlan,
  wb: WorkbookModel,
): LoadedNode {
  if (target === null || target === undefined) return { isNull: true, values: {}, children: {} };
  const s = schema as TypeSchema<unknown>;
  if (s.isDead?.(target)) throw excelError('ItemNotFound', `${s.typeName}.load`, 'the object was deleted');
  if (s.items) return snapshotCollection(s, target, plan, wb);
  const names = plan.all ? Object.keys(s.props) : [];
  const children: Record<string, LoadedNode> = {};
  for (const name of plan.scalars) {
    if (name in s.props) names.push(name);
    else if (s.nav?.[name]) children[name] = navSnapshot(s, target, name, emptyPlan(true), wb);
    else unknownProperty(schema, name);
  }
  for (const [name, sub] of plan.children) {
    if (!s.nav?.[name]) unknownProperty(schema, name);
    children[name] = navSnapshot(s, target, name, sub, wb);
  }
  s.checkRead?.(target, names);
  const values: Record<string, unknown> = {};
  for (const name of names) values[name] = (s.props[name] as PropSpec<unknown>).get(target, wb);
  return { isNull: false, values, children };
}

function navSnapshot(
  s: TypeSchema<unknown>,
  target: unknown,
  name: string,
  plan: LoadPlan,
  wb: WorkbookModel,
): LoadedNode {
  const nav = s.nav?.[name] as NavSpec<unknown>;
  return snapshot(nav.schema(), nav.target(target, wb), plan, wb);
}

function snapshotCollection(
  s: TypeSchema<unknown>,
  target: unknown,
  plan: LoadPlan,
  wb: WorkbookModel,
): LoadedNode {
  const items = s.items as NonNullable<TypeSchema<unknown>['items']>;
  const own: string[] = plan.all ? Object.keys(s.props) : [];
  let itemPlan = emptyPlan(plan.all);
  for (const name of plan.scalars) {
    if (name === 'items') itemPlan.all = true;
    else if (name in s.props) own.push(name);
    else itemPlan.scalars.add(name);
  }
  for (const [name, sub] of plan.children) {
    if (name === 'items')
      itemPlan = {
        ...sub,
        all: sub.all || itemPlan.all,
        scalars: new Set([...sub.scalars, ...itemPlan.scalars]),
      };
    else itemPlan.children.set(name, sub);
  }
  const values: Record<string, unknown> = {};
  for (const name of own) values[name] = (s.props[name] as PropSpec<unknown>).get(target, wb);
  const skip = plan.skip ?? 0;
  const members = items.list(target, wb).slice(skip, plan.top === undefined ? undefined : skip + plan.top);
  const itemSchema = items.schema();
  return {
    isNull: false,
    values,
    children: {},
    items: members.map((m) => ({ target: m, node: snapshot(itemSchema, m, itemPlan, wb) })),
  };
}
