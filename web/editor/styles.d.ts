/** esbuild bundles CSS imported from the editor entry into editor.css (see web/build.ts). */
declare module '*.css' {}
