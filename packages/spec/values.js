// Generated from openapi.yaml by `npm run generate` (packages/spec/scripts/generate.ts). Do not edit.

/** Every value of ProblemCode, in the contract's order. */
export const problemCodeValues = ["validation_failed","bad_request","not_found","credentials_missing","credentials_invalid","credentials_revoked","origin_not_allowed","origin_missing","wrong_library","insufficient_scope","idempotency_key_reused","idempotency_in_progress","duplicate_registration","payload_too_large","uri_too_long","headers_too_large","unsupported_media_type","rate_limited","timeout","unavailable","not_implemented","internal","source_not_held","member_not_found","registration_not_pending","storage_full","storage_unavailable","method_not_allowed"];

/** Every value of LibraryKind, in the contract's order. */
export const libraryKindValues = ["public","school","university","company","reading-corner"];

/** Every value of SchoolLevel, in the contract's order. */
export const schoolLevelValues = ["SD","SMP","SMA","SMK"];

/** Every value of Format, in the contract's order. */
export const formatValues = ["book","serial","ebook","audio","video","map","image","braille","manuscript","realia","thesis"];

/** Every value of ThemeCode, in the contract's order. */
export const themeCodeValues = ["000","100","200","300","400","500","600","700","800","900"];

/** Every value of CopyStatus, in the contract's order. */
export const copyStatusValues = ["available","on_loan","reference_only","unavailable"];

/** Every value of ImportFormat, in the contract's order. */
export const importFormatValues = ["marcxml","iso2709","slims-csv"];

/** Every value of VisitPurpose, in the contract's order. */
export const visitPurposeValues = ["read","borrow","study","research","internet","event","other"];

/** Every value of Occupation, in the contract's order. */
export const occupationValues = ["student","university_student","teacher","civil_servant","private_employee","entrepreneur","other"];

/** Every value of EducationLevel, in the contract's order. */
export const educationLevelValues = ["TK","SD","SMP","SMA/SMK","D1-D3","S1","S2","S3"];

/** Every value of Sex, in the contract's order. */
export const sexValues = ["female","male"];

/** Every value of VisitPeriod, in the contract's order. */
export const visitPeriodValues = ["today","week","month","year","all"];

/** Every value of VisitChartRange, in the contract's order. */
export const visitChartRangeValues = ["30d","12m"];

/** Every value of MemberType, in the contract's order. */
export const memberTypeValues = ["pelajar","mahasiswa","guru_dosen","umum","asn"];

/** Every value of RegistrationStatus, in the contract's order. */
export const registrationStatusValues = ["pending","approved","rejected"];

/** Every value of RejectionReasonCode, in the contract's order. */
export const rejectionReasonCodeValues = ["incomplete","unverifiable","not_eligible","duplicate","other"];

/** The media type each import format is sent as (ImportFormat's `x-media-types`). */
export const importMediaTypes = {"marcxml":"application/marcxml+xml","iso2709":"application/marc","slims-csv":"text/csv"};
