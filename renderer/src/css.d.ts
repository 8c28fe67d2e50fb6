// Stylesheets are imported for their side effect; Vite bundles them into one file the CSP allows.
declare module '*.css';

// Fluent System Icons are imported one by one as raw SVG text (components/fluentIcons.tsx).
declare module '*.svg?raw' {
  const content: string;
  export default content;
}
