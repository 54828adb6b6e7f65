"""dxhub's matching engine: a pure library (no Django). It takes plain data and returns ids and scores."""
