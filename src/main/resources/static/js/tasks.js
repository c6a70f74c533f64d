// Behaviour of the tasks screens. No inline script: CSP allows only files from this origin.
