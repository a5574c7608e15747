"""cocon: the Flask-free core of the Conseil de l'ESS platform."""

__version__ = "0.1.0"
