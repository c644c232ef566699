"""Where customers are kept: SQLAlchemy models, migrations, the unit of work and search."""
