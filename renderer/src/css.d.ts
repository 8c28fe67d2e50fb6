// Stylesheets are imported for their side effect; Vite bundles them into one file the CSP allows.
declare module '*.css';
