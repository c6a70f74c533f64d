// services
