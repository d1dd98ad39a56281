/** Where the page-view beacon posts, under `/api/v1` (the exams function's behaviour, infra/definitions.ts examsPathPatterns). */
export const pageViewPath = '/views'
export const pageViewUrl = `/api/v1${pageViewPath}`
