/**
 * Everything an editor reads in the workspace, in bokmål, kept in text/ so wording stays consistent:
 * ui.ts for screens and actions, forms.ts for fields, validation and uploads, errors.ts for the API's refusals,
 * exam.ts for the question-bank editor, sharing.ts for «Deling og søk», embeds.ts for films and episodes in a body.
 */
export * from './text/ui.ts'
export * from './text/forms.ts'
export * from './text/errors.ts'
export * from './text/exam.ts'
export * from './text/sharing.ts'
export * from './text/embeds.ts'
