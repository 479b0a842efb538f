// Generated from openapi.yaml by `npm run generate` (packages/spec/scripts/generate.ts). Do not edit.
import type { components } from './schema.js';

type Schemas = components['schemas'];

/** Every value of ProblemCode, in the contract's order. */
export declare const problemCodeValues: readonly Schemas['ProblemCode'][];

/** Every value of LibraryKind, in the contract's order. */
export declare const libraryKindValues: readonly Schemas['LibraryKind'][];

/** Every value of SchoolLevel, in the contract's order. */
export declare const schoolLevelValues: readonly Schemas['SchoolLevel'][];

/** Every value of Format, in the contract's order. */
export declare const formatValues: readonly Schemas['Format'][];

/** Every value of ThemeCode, in the contract's order. */
export declare const themeCodeValues: readonly Schemas['ThemeCode'][];

/** Every value of CopyStatus, in the contract's order. */
export declare const copyStatusValues: readonly Schemas['CopyStatus'][];

/** Every value of ImportFormat, in the contract's order. */
export declare const importFormatValues: readonly Schemas['ImportFormat'][];

/** Every value of VisitPurpose, in the contract's order. */
export declare const visitPurposeValues: readonly Schemas['VisitPurpose'][];

/** Every value of Occupation, in the contract's order. */
export declare const occupationValues: readonly Schemas['Occupation'][];

/** Every value of EducationLevel, in the contract's order. */
export declare const educationLevelValues: readonly Schemas['EducationLevel'][];

/** Every value of Sex, in the contract's order. */
export declare const sexValues: readonly Schemas['Sex'][];

/** Every value of VisitPeriod, in the contract's order. */
export declare const visitPeriodValues: readonly Schemas['VisitPeriod'][];

/** Every value of VisitChartRange, in the contract's order. */
export declare const visitChartRangeValues: readonly Schemas['VisitChartRange'][];

/** Every value of MemberType, in the contract's order. */
export declare const memberTypeValues: readonly Schemas['MemberType'][];

/** Every value of RegistrationStatus, in the contract's order. */
export declare const registrationStatusValues: readonly Schemas['RegistrationStatus'][];

/** A media type `importCatalog` takes. */
export type ImportMediaType = "application/marcxml+xml" | "application/marc" | "text/csv";
/** The media type each import format is sent as (ImportFormat's `x-media-types`). */
export declare const importMediaTypes: Readonly<Record<Schemas['ImportFormat'], ImportMediaType>>;
