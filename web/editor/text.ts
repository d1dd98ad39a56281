/**
 * Everything an editor reads in the workspace, in bokmål, kept in text/ so wording stays consistent:
 * ui.ts for screens and actions, forms.ts for fields, validation and uploads.
 */
export * from './text/ui.ts'
export * from './text/forms.ts'
