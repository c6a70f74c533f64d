// Behaviour of the projects screens. No inline script: CSP allows only files from this origin.
