let counter = 0

/** A key for a draft row that has no id yet (a lesson, a question, an option), stable while it is edited. */
export const newDraftKey = () => `k${Date.now().toString(36)}${(counter++).toString(36)}`
