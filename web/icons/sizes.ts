/** The web app manifest's icons, square, in pixels (web/icons/icon-{size}.png): what browsers ask of an installable app. */
export const appIconSizes = [192, 512] as const
